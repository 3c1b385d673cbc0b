package cq.retirees.registry.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SyntheticRosterCsvTest {

    private static final List<String> EXPECTED_HEADINGS = List.of("idNumber", "name", "sex", "birthDate",
            "retirementDate", "retireeType", "enterpriseCreditCode", "insuredAreaCode", "residenceAddress",
            "residenceAreaCode", "residenceStreet", "phone", "partyMember", "partyOrganisation",
            "leaderManagementLevel", "immobile", "deathDate");

    @Test
    void headingsAreTheSeventeenColumnsInRecordOrder() {
        assertEquals(EXPECTED_HEADINGS, List.of(SyntheticRoster.HEADINGS));
        List<String> components = Stream.of(SyntheticRetiree.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertEquals(EXPECTED_HEADINGS, components);
    }

    @Test
    void writtenCsvParsesBackToTheSameRows() throws IOException {
        SyntheticRoster roster = new SyntheticRoster(41);
        SyntheticEnterprise enterprise = roster.enterprise(3);
        List<SyntheticRetiree> expected = new SyntheticRoster(41).retirees(enterprise, 3_000).toList();
        StringBuilder out = new StringBuilder();

        SyntheticRoster.writeCsv(out, roster.retirees(enterprise, 3_000));

        assertTrue(out.toString().startsWith(String.join(",", EXPECTED_HEADINGS) + "\r\n"), "RFC 4180 CRLF");
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(out.toString()), format)) {
            List<CSVRecord> records = parser.getRecords();
            assertEquals(EXPECTED_HEADINGS, parser.getHeaderNames());
            assertEquals(3_000, records.size());
            for (int i = 0; i < records.size(); i++) {
                assertEquals(expected.get(i).csvValues(), records.get(i).toList());
            }
        }
    }

    @Test
    void anEmptyStreamGivesJustTheHeadingRow() {
        StringBuilder out = new StringBuilder();

        SyntheticRoster.writeCsv(out, Stream.empty());

        assertEquals(String.join(",", EXPECTED_HEADINGS) + "\r\n", out.toString());
    }

    @Test
    void aFailingOutputIsReportedUnchecked() {
        Appendable broken = new Appendable() {
            @Override
            public Appendable append(CharSequence text) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(CharSequence text, int start, int end) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public Appendable append(char c) throws IOException {
                throw new IOException("disk full");
            }
        };

        assertThrows(UncheckedIOException.class, () -> SyntheticRoster.writeCsv(broken, Stream.empty()));
    }
}
