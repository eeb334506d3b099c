package hk.esgone.platform.web;

import java.util.HashMap;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Runs a logging call with the request's correlation id, trace id and span id in the MDC, taken from the
 * exchange rather than from thread locals. Where Reactor's automatic context propagation is on (the
 * services) they are usually there already; the gateway turns it off because restoring thread locals on
 * every operator of every request is the largest single cost of its request path, so the lines it writes
 * about a request go through here.
 */
public final class RequestMdc {

    private static final boolean TRACING = ClassUtils.isPresent("io.micrometer.tracing.handler.TracingObservationHandler",
            RequestMdc.class.getClassLoader());

    private RequestMdc() {
    }

    public static void run(ServerWebExchange exchange, Runnable logging) {
        Map<String, String> values = new HashMap<>(4);
        Object id = exchange.getAttribute(CorrelationId.ATTRIBUTE);
        if (id != null) {
            values.put(CorrelationId.KEY, id.toString());
        }
        if (TRACING) {
            addTrace(exchange, values);
        }
        Map<String, String> previous = new HashMap<>(4);
        values.forEach((key, value) -> {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        });
        try {
            logging.run();
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }

    private static void addTrace(ServerWebExchange exchange, Map<String, String> values) {
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> tracing.getSpan())
                .ifPresent(span -> {
                    TraceContext trace = span.context();
                    values.put("traceId", trace.traceId());
                    values.put("spanId", trace.spanId());
                });
    }
}
