package dev.voiceagent.telephony.twilio.rest;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;

/**
 * The Twilio SDK's own HTTP client ({@link NetworkHttpClient}, plugged in through the SDK's
 * {@code TwilioRestClient.Builder.httpClient} hook) with the configured timeouts, sending requests for
 * {@code api.twilio.com} to the configured base URL instead. Requests for Twilio's other domains pass unchanged.
 */
final class ApiBaseHttpClient extends HttpClient {

    static final String TWILIO_API_HOST = "api.twilio.com";

    private final NetworkHttpClient network;
    private final URI apiBase;

    ApiBaseHttpClient(URI apiBase, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        this.apiBase = apiBase;
        this.network = new NetworkHttpClient(HttpClientBuilder.create().useSystemProperties()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).build())
                        .setMaxConnTotal(20).setMaxConnPerRoute(20).build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit).build()));
    }

    @Override
    public Response makeRequest(Request request) {
        return network.makeRequest(TWILIO_API_HOST.equals(request.constructURL().getHost())
                ? new Rebased(request, apiBase) : request);
    }

    /** The same request, with its URL on another base: method, parameters, headers, body and credentials copied. */
    private static final class Rebased extends Request {

        private final URI base;

        Rebased(Request original, URI base) {
            super(original.getMethod(), original.getUrl());
            this.base = base;
            original.getQueryParams().forEach((name, values) -> values.forEach(value -> addQueryParam(name, value)));
            original.getPostParams().forEach((name, values) -> values.forEach(value -> addPostParam(name, value)));
            original.getHeaderParams().forEach((name, values) -> values.forEach(value -> addHeaderParam(name, value)));
            setFormParameters(original.getFormParameters());
            setContentType(original.getContentType());
            setBody(original.getBody());
            setUserAgentExtensions(original.getUserAgentExtensions());
            if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            } else {
                setAuth(original.getUsername(), original.getPassword());
            }
        }

        @Override
        public URL constructURL() {
            URL twilio = super.constructURL();
            try {
                return base.resolve(twilio.getFile()).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("cannot send a Twilio request to " + base, e);
            }
        }
    }
}
