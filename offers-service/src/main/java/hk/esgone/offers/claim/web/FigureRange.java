package hk.esgone.offers.claim.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import hk.esgone.platform.problem.ApiProblem;

/** The Hong Kong days a partner's figures cover: {@code from} to {@code to} inclusive, the last 30 days unless asked, at most 366. */
record FigureRange(LocalDate from, LocalDate to) {

    static final int DEFAULT_DAYS = 30;
    static final int MAX_DAYS = 366;

    static FigureRange of(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1L) : date("from", from);
        if (start.isAfter(end)) {
            throw ApiProblem.invalidField("from", "from (" + start + ") must not be after to (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw ApiProblem.invalidField("from", "The range covers at most " + MAX_DAYS + " days.");
        }
        return new FigureRange(start, end);
    }

    private static LocalDate date(String name, String value) {
        if (value.length() != 10) {
            throw ApiProblem.invalidField(name, name + " must be a date such as 2026-05-01.");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, name + " must be a date such as 2026-05-01.");
        }
    }
}
