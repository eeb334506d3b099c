package hk.esgone.directory.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Company application bodies as an applicant sends them. */
public final class ApplicationBodies {

    private ApplicationBodies() {
    }

    public static Map<String, Object> application(String br, String nameEn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "SUPPLIER");
        body.put("brNumber", br);
        body.put("name", Map.of("en", nameEn, "zhHant", "青衣環保塑膠有限公司"));
        body.put("description", Map.of("en", "Recycled PP and PE pellets.", "zhHant", "再生聚丙烯及聚乙烯粒。"));
        body.put("industry", "C");
        body.put("sector", "CHEMICAL");
        body.put("locations", List.of("KWAI_TSING", "DONGGUAN"));
        body.put("certifications", List.of(Map.of("code", "ISO_14001", "number", "HKQAA-EMS-7", "issuer", "HKQAA", "validUntil", "2028-03-31")));
        body.put("website", "https://www.tsingyi-eco.example.hk");
        body.put("contact", Map.of("name", "Ms Chan", "email", "chan@tsingyi-eco.example.hk", "phone", "+852 2345 6789"));
        body.put("sizeBand", "SMALL");
        return body;
    }

    public static Map<String, Object> partnerApplication(String br) {
        Map<String, Object> body = application(br, "Harbour Green Finance Ltd");
        body.put("kind", "PARTNER");
        body.put("industry", "K");
        body.remove("sector");
        return body;
    }

    /** A copy of {@code body} with these keys set (null values included). */
    public static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }
}
