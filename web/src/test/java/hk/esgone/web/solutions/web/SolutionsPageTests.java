package hk.esgone.web.solutions.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import hk.esgone.web.support.Fixtures;
import hk.esgone.web.support.PageTest;

class SolutionsPageTests extends PageTest {

    @Test
    void findsServiceProvidersBySolutionAndLocation() {
        SERVICES.json("/api/v1/directory/search", Fixtures.SEARCH.replace("\"badge\":[", "\"solution\":[{\"code\":\"ENERGY_SAVING\","
                + "\"label\":{\"en\":\"Energy saving\",\"zhHant\":\"節約能源\"},\"count\":7,\"selected\":true}],\"badge\":["));

        String html = page("/solutions?solution=ENERGY_SAVING&location=KWUN_TONG", 200);

        assertThat(html).contains("Find a green solution provider", "Energy saving (7)", "Green Pack Ltd", "1 providers");
        assertThat(SERVICES.calls()).anyMatch(c -> c.pathAndQuery().contains("kind=SERVICE_PROVIDER")
                && c.pathAndQuery().contains("solution=ENERGY_SAVING") && c.pathAndQuery().contains("location=KWUN_TONG"));
    }

    @Test
    void anUnknownCodeIsExplained() {
        SERVICES.problem("/api/v1/directory/search", 400, "unknown-taxonomy-code");
        assertThat(page("/solutions?solution=NOPE", 400, "zh-HK")).contains("網址中的篩選條件無法識別");
    }
}
