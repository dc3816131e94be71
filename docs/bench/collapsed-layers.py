#!/usr/bin/env python3
"""Shares of an async-profiler CPU profile (collapsed stacks) by layer.

    ./mvnw -B -q -pl test-support -Pbench exec:exec -Dmode=churn ... -Dprofile=DIR
    python3 docs/bench/collapsed-layers.py DIR/core-churn.collapsed

A sample counts for the JIT compilers or the collector's workers when such a thread took it; otherwise for the
kernel (split by the system call it is in: epoll_wait is an event loop going to sleep and being woken) or for the
library of its innermost Java frame. What the JIT inlined counts where it was inlined, so the split between
neighbouring Java layers is approximate.
"""
import collections
import sys

JAVA = [('io/netty', 'Netty'), ('io/vertx', 'Vert.x, Quarkus'), ('io/quarkus', 'Vert.x, Quarkus'),
        ('io/smallrye', 'Vert.x, Quarkus'), ('com/fasterxml/jackson', 'Jackson'), ('dev/voiceagent', 'our code'),
        ('java/', 'JDK classes'), ('jdk/', 'JDK classes'), ('sun/', 'JDK classes')]
SYSCALLS = [('epoll_wait', 'kernel: epoll_wait'), ('sys_write', 'kernel: write'), ('sys_read', 'kernel: read')]


def layer(frames):
    if any('CompileBroker' in f for f in frames):
        return 'JIT compilers'
    if any(f.startswith('G1') or 'WorkerThread' in f for f in frames):
        return 'GC and JVM workers'
    leaf = frames[-1]
    if leaf.endswith('_[k]'):
        return next((name for call, name in SYSCALLS if any(call in f for f in frames)), 'kernel: other')
    return next((name for prefix, name in JAVA if leaf.startswith(prefix)), 'JVM and native (stubs, runtime)')


def main(path):
    shares = collections.Counter()
    for line in open(path):
        stack, count = line.rstrip().rsplit(' ', 1)
        shares[layer(stack.split(';'))] += int(count)
    total = sum(shares.values())
    print(f'{total} samples')
    for name, count in shares.most_common():
        print(f'{100 * count / total:6.1f} %  {name}')


if __name__ == '__main__':
    main(sys.argv[1])
