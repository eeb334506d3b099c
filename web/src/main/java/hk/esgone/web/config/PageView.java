package hk.esgone.web.config;

import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.thymeleaf.spring6.view.reactive.ThymeleafReactiveView;

import reactor.core.publisher.Mono;

/**
 * A Thymeleaf view that reads the template's variables straight from the exchange's attributes. Thymeleaf keeps a
 * page's variables there and reads one at each use, thousands of times per page; by the time a page renders, the
 * exchange is wrapped once by each filter that changed it (firewall, security context, correlation id…), and every
 * read went down that whole chain to the same map.
 */
public class PageView extends ThymeleafReactiveView {

    @Override
    protected Mono<Void> renderFragmentInternal(Set<String> markupSelectorsToRender, Map<String, Object> renderAttributes,
                                                MediaType contentType, ServerWebExchange exchange) {
        return super.renderFragmentInternal(markupSelectorsToRender, renderAttributes, contentType,
                new AttributesAtHand(exchange));
    }

    private static final class AttributesAtHand extends ServerWebExchangeDecorator {

        private final Map<String, Object> attributes;

        AttributesAtHand(ServerWebExchange exchange) {
            super(exchange);
            this.attributes = exchange.getAttributes();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }
    }
}
