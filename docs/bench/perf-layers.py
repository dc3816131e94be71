#!/usr/bin/env python3
"""Shares of a process's perf samples by the layer of their innermost frame.

    perf script -i perf.data -F pid,tid,comm,ip,sym,dso > perf.txt
    python3 docs/bench/perf-layers.py perf.txt <pid>

JIT-compiled frames need the JVM's symbol map, written by `jcmd <pid> Compiler.perfmap` while the process runs.
A compiled method's samples include what the JIT inlined into it, so the split between neighbouring Java layers is
approximate; kernel, native and JVM-internal frames are exact.
"""
import collections
import re
import sys

JAVA_LAYERS = [('io.netty.', 'Netty'), ('io.vertx.', 'Vert.x, Quarkus, websockets-next, Mutiny'),
               ('io.quarkus.', 'Vert.x, Quarkus, websockets-next, Mutiny'),
               ('io.smallrye.', 'Vert.x, Quarkus, websockets-next, Mutiny'), ('com.fasterxml.', 'Jackson'),
               ('dev.voiceagent.', 'our code'), ('java.', 'JDK classes'), ('javax.', 'JDK classes'),
               ('sun.', 'JDK classes'), ('jdk.', 'JDK classes')]
FRAME = re.compile(r'\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$')


def layer(symbol, dso):
    if 'kernel' in dso:
        return 'kernel'
    if 'libjvm' in dso or re.match(r'Interpreter|StubRoutines|I2C|vtable|itable', symbol):
        return 'JVM (JIT, GC, stubs, interpreter, runtime)'
    if 'libc' in dso or 'libnio' in dso or 'libjava' in dso or 'libnet' in dso or 'vdso' in dso:
        return 'libc and the JDK\'s native I/O'
    method = symbol.split('(')[0].split(' ')[-1]  # drop the return type and the parameters
    for prefix, name in JAVA_LAYERS:
        if method.startswith(prefix):
            return name
    return 'other'


def main(path, pid):
    counts = collections.Counter()
    sample_pid, innermost = None, None
    for line in open(path, errors='replace'):
        if not line.strip():
            if sample_pid == pid and innermost:
                counts[layer(*innermost)] += 1
            sample_pid, innermost = None, None
        elif not line.startswith('\t'):
            sample_pid = line.split()[-1].split('/')[0]
        elif innermost is None:
            frame = FRAME.match(line)
            if frame:
                innermost = (frame.group(1), frame.group(2))
    if sample_pid == pid and innermost:
        counts[layer(*innermost)] += 1
    total = sum(counts.values())
    for name, count in counts.most_common():
        print(f'{100 * count / total:5.1f} %  {name}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
