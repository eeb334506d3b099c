package hk.esgone.offers.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import hk.esgone.platform.problem.ApiProblem;

class CodeCsvTests {

    @Test
    void readsCodesWithTheirLineNumbers() {
        List<CodeCsv.Row> rows = CodeCsv.parse("\uFEFFCode\r\n\r\nABCD-1234\n  \"EFGH_5678\"  \nIJKL-9012,\n", 10);
        assertThat(rows).containsExactly(new CodeCsv.Row(3, "ABCD-1234"), new CodeCsv.Row(4, "EFGH_5678"), new CodeCsv.Row(5, "IJKL-9012"));
    }

    @Test
    void aHeaderIsOnlyAHeaderOnTheFirstLine() {
        assertThat(CodeCsv.parse("ABCD-1234\ncode\n", 10)).extracting(CodeCsv.Row::code).containsExactly("ABCD-1234", "code");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsEveryBadLine() {
        assertThatThrownBy(() -> CodeCsv.parse("ok-0001\n,\n\"open\nx y z\n-dash-first\nok-0001\n", 10))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.getStatusCode().value()).isEqualTo(422);
                    List<Map<String, Object>> errors = (List<Map<String, Object>>) p.getBody().getProperties().get("errors");
                    assertThat(errors).extracting(e -> e.get("line")).containsExactly(2, 3, 4, 5, 6);
                });
    }

    @Test
    void limitsTheRowsOfOneUpload() {
        assertThatThrownBy(() -> CodeCsv.parse("AAAA1\nAAAA2\nAAAA3\n", 2)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> CodeCsv.parse(null, 2)).isInstanceOf(ApiProblem.class);
    }
}
