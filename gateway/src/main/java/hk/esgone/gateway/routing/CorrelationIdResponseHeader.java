package hk.esgone.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.platform.web.CorrelationId;

/**
 * The gateway already answers with the request's correlation id and forwarded that same id to the
 * service, so the service's echo of it is dropped rather than sent to the client twice.
 */
@Component
class CorrelationIdResponseHeader implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (!input.containsHeader(CorrelationId.HEADER) || !exchange.getResponse().getHeaders().containsHeader(CorrelationId.HEADER)) {
            return input;
        }
        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!name.equalsIgnoreCase(CorrelationId.HEADER)) {
                out.addAll(name, values);
            }
        });
        return out;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
