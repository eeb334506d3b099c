package hk.esgone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import hk.esgone.web.support.PageTest;

/**
 * Every page the portal has, found from its controllers (so a new page is covered the day it is added), opened with
 * hostile input in every path variable and every query parameter it reads: odd Unicode, markup, huge values,
 * repeated parameters, wrong types (an address longer than the server takes is refused before any page: platform's
 * DecodingProblems, tested there). Each answer must be a page for a person — 2xx, 3xx or a friendly 4xx — never a
 * 500, never a stack trace, never the input echoed as markup; whether the services behind answer "not found" or an
 * empty object.
 */
class PageInputFuzzTests extends PageTest {

    static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>", "\u202Egnp.exe", "%00", "\u0000", "\uFEFF", "'\"--", "../../etc/passwd",
            "x".repeat(700), "綠色 包裝", "🙂".repeat(50), "-1", "99999999999999999999", "NaN", "true", " ", "",
            "cmp-" + "a".repeat(80), "\uD800", "%E0%A4%A", "a\r\nSet-Cookie: x=1");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noPageAnswersHostileInputWithAnErrorOfOurs() {
        List<String> urls = urls(new Random(20261205));
        assertThat(urls).as("the portal's GET pages").hasSizeGreaterThan(2 * HOSTILE.size());
        for (String answer : new String[] {"not found", "empty"}) {
            SERVICES.reset();
            if (answer.equals("empty")) {
                SERVICES.fallback("{}");
            }
            for (String url : urls) {
                var result = web.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build().get().uri(java.net.URI.create("http://localhost:" + port + url)).header("Accept-Language", "zh-HK").exchange()
                        .expectBody(String.class).returnResult();
                int status = result.getStatus().value();
                String body = result.getResponseBody() == null ? "" : result.getResponseBody();
                assertThat(status).as("GET %s with services answering %s", url, answer).isLessThan(500).isNotEqualTo(401);
                assertThat(body).as("GET %s", url).doesNotContain("<script>alert(1)</script>", "Exception", "\tat hk.", "Whitelabel");
            }
        }
    }

    private List<String> urls(Random random) {
        Set<String> urls = new LinkedHashSet<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!gets(info)) {
                return;
            }
            List<String> params = new ArrayList<>();
            for (MethodParameter parameter : method.getMethodParameters()) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null) {
                    params.add(!param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName());
                }
            }
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                for (String value : HOSTILE) {
                    String path = pattern.getPatternString().replaceAll("\\{[^}]+}", enc(value).replace("%2F", "%252F"));
                    urls.add(path);
                    StringBuilder query = new StringBuilder();
                    for (String param : params) {
                        String other = HOSTILE.get(random.nextInt(HOSTILE.size()));
                        query.append(query.isEmpty() ? "?" : "&").append(param).append('=').append(enc(value))
                                .append('&').append(param).append('=').append(enc(other));
                    }
                    urls.add(path + query);
                }
            }
        });
        return new ArrayList<>(urls);
    }

    private static boolean gets(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() || methods.contains(RequestMethod.GET);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
