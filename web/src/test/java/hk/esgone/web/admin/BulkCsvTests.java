package hk.esgone.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Reading staff's CSV of companies: what each line becomes, as the results table numbers and explains them. */
class BulkCsvTests {

    @Test
    void eachLineKeepsItsNumberAndTheHeaderBlankLinesAndOtherColumnsAreIgnored() {
        BulkCsv.Parsed parsed = BulkCsv.parse("\uFEFFcompany_id;name\n\ncmp-green-pack;Green Pack\r\n\"cmp-eco-print\",\"Eco, Print\"\rcmp-tab-co\tTab\n");

        assertThat(parsed.problem()).isNull();
        assertThat(parsed.lines()).extracting(BulkCsv.Line::number, BulkCsv.Line::companyId, BulkCsv.Line::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "cmp-green-pack", null),
                        org.assertj.core.groups.Tuple.tuple(4, "cmp-eco-print", null),
                        org.assertj.core.groups.Tuple.tuple(5, "cmp-tab-co", null));
    }

    @Test
    void aLineWithoutACompanyIdOrOneAlreadyListedIsAnsweredAndNotSent() {
        BulkCsv.Parsed parsed = BulkCsv.parse("cmp-green-pack\nGreen Pack Ltd\ncmp-green-pack\n=cmd|' /C calc'!A0\ncmp-\u202Eevil\n");

        assertThat(parsed.lines()).extracting(BulkCsv.Line::problem)
                .containsExactly(null, "not-a-company-id", "duplicate", "not-a-company-id", "not-a-company-id");
        assertThat(parsed.sendable()).extracting(BulkCsv.Line::companyId).containsExactly("cmp-green-pack");
        assertThat(parsed.lines().get(4).text()).isEqualTo("cmp-evil").doesNotContain("\u202E");
    }

    @Test
    void anEmptyFileOrMoreThanTwoHundredCompaniesIsRefusedAsAWhole() {
        assertThat(BulkCsv.parse(" \n\r\n").problem()).isEqualTo("empty");
        assertThat(BulkCsv.parse("companyId\n").problem()).isEqualTo("empty");
        assertThat(BulkCsv.parse(null).problem()).isEqualTo("empty");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            many.append("cmp-company-").append(i).append('\n');
        }
        assertThat(BulkCsv.parse(many.toString()).problem()).isEqualTo("too-many");
        assertThat(BulkCsv.parse(many.substring(0, many.lastIndexOf("cmp-company-200"))).problem()).isNull();
    }
}
