package hk.esgone.web.admin.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;

import hk.esgone.web.support.FormText;
import hk.esgone.web.support.ServiceFailure;

/** What the admin pages' forms share: the reason and confirmation of a consequential action, and refusals in words. */
final class AdminForms {

    static final int MAX_REASON = 500;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private AdminForms() {
    }

    /** What is wrong with a form that needs a reason and a ticked confirmation; null when nothing. */
    static String reasonProblem(MultiValueMap<String, String> form) {
        String reason = FormText.clean(form.getFirst("reason"), MAX_REASON + 1);
        if (reason == null) {
            return "reason-missing";
        }
        if (reason.codePointCount(0, reason.length()) > MAX_REASON) {
            return "reason-too-long";
        }
        return confirmed(form) ? null : "not-confirmed";
    }

    static boolean confirmed(MultiValueMap<String, String> form) {
        return "yes".equals(form.getFirst("confirm"));
    }

    /** The form's idempotency key (one per form shown, so sending it twice issues once), or a new one. */
    static String key(String sent) {
        return sent != null && KEY.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** A refusal the page explains in place; an outage, a lapsed sign-in, 403 and 404 go to the error pages instead. */
    static boolean inPlace(ServiceFailure refused) {
        return !refused.serviceDown() && refused.status() != HttpStatus.UNAUTHORIZED && refused.status() != HttpStatus.FORBIDDEN
                && refused.status() != HttpStatus.NOT_FOUND;
    }

    /** The status a page answers with when it shows a refusal in place. */
    static HttpStatus status(ServiceFailure refused) {
        return refused.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT
                : refused.status() == HttpStatus.UNPROCESSABLE_CONTENT ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
    }
}
