package hk.esgone.web.workspace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import hk.esgone.web.support.ServiceApi;
import reactor.core.publisher.Mono;

/**
 * "Register my company": the application, sent with the signed-in person's token to
 * {@code POST /api/v1/directory/applications}. directory-service checks everything again and decides; council staff
 * then approve or reject it.
 */
@Service
public class CompanyApplications {

    /** The application as the person typed it, cleaned: blank values are null. */
    public record Application(String kind, String brNumber, String uscc, String nameEn, String nameZh, String descriptionEn,
                              String descriptionZh, String industry, String sector, List<String> locations, String website,
                              String contactName, String contactEmail, String contactPhone) {

        /** The request body directory-service expects. */
        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind);
            body.put("brNumber", brNumber);
            body.put("uscc", uscc);
            body.put("name", bilingual(nameEn, nameZh));
            body.put("description", bilingual(descriptionEn, descriptionZh));
            body.put("industry", industry);
            body.put("sector", sector);
            body.put("locations", locations);
            body.put("website", website);
            body.put("contact", contact(contactName, contactEmail, contactPhone));
            return body;
        }
    }

    private final ServiceApi api;

    public CompanyApplications(ServiceApi api) {
        this.api = api;
    }

    /** A text in both languages as the services take it; null when both are empty. */
    static Map<String, String> bilingual(String en, String zh) {
        if (en == null && zh == null) {
            return null;
        }
        Map<String, String> text = new LinkedHashMap<>();
        text.put("en", en);
        text.put("zhHant", zh);
        return text;
    }

    /** A contact as the services take it; null when nothing of it is given. */
    static Map<String, String> contact(String name, String email, String phone) {
        if (name == null && email == null && phone == null) {
            return null;
        }
        Map<String, String> contact = new LinkedHashMap<>();
        contact.put("name", name);
        contact.put("email", email);
        contact.put("phone", phone);
        return contact;
    }

    /** Sends the application; answers the new company's id. */
    public Mono<String> apply(ServerWebExchange exchange, Application application) {
        return api.sendAsUser(exchange, ServiceApi.Service.DIRECTORY, "POST", "/api/v1/directory/applications", application.body(), Map.of())
                .map(created -> created.path("id").asString(""));
    }
}
