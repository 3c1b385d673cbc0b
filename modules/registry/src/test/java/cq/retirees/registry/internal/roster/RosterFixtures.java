package cq.retirees.registry.internal.roster;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Roster texts shared by the tests. The ID number is made up but well-formed, so leaks are easy to spot. */
final class RosterFixtures {

    static final String ID = "500101195001011234";
    static final String ENGLISH_HEADINGS =
            "idNumber,name,retirementDate,enterpriseCreditCode,insuredAreaCode,residenceAddress,residenceAreaCode";
    static final String CHINESE_HEADINGS = "公民身份号码,姓名,退休日期,统一社会信用代码,参保地区划代码,居住地址,居住地区划代码";
    /** One data line matching either heading line above. */
    static final String ROW = ID + ",张三,2010-01-01,91500000MA5U000000,500101,重庆市万州区白岩路1号,500101";

    private RosterFixtures() {
    }

    static RosterReader csv(String text) {
        return csv(text.getBytes(StandardCharsets.UTF_8));
    }

    static RosterReader csv(byte[] bytes) {
        return RosterReader.csv(new ByteArrayInputStream(bytes), Optional.empty());
    }

    static RosterReader csv(byte[] bytes, Charset declared) {
        return RosterReader.csv(new ByteArrayInputStream(bytes), Optional.of(declared));
    }

    /** Every remaining row, closing the reader. */
    static List<RosterRow> readAll(RosterReader reader) {
        try (reader) {
            List<RosterRow> rows = new ArrayList<>();
            reader.forEachRemaining(rows::add);
            return rows;
        }
    }
}
