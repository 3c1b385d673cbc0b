package cq.retirees.registry.internal.roster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RosterColumnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "idNumber | ID_NUMBER",
            "ID Number | ID_NUMBER",
            "id_number | ID_NUMBER",
            "ID-NUMBER | ID_NUMBER",
            "ＩＤ　Ｎｕｍｂｅｒ | ID_NUMBER",
            "\uFEFFidNumber | ID_NUMBER",
            "公民身份号码 | ID_NUMBER",
            "身份证号 | ID_NUMBER",
            "'  姓　名 ' | NAME",
            "retirement_date | RETIREMENT_DATE",
            "居住街道（乡镇） | RESIDENCE_STREET",
            "居住街道(乡镇) | RESIDENCE_STREET",
            "街道 (乡镇) | RESIDENCE_STREET",
            "LEADER_MANAGEMENT_LEVEL | LEADER_MANAGEMENT_LEVEL",
            "企业统一社会信用代码 | ENTERPRISE_CREDIT_CODE",
    })
    void recognisesHeadingVariants(String heading, RosterColumn expected) {
        assertEquals(Optional.of(expected), RosterColumn.forHeading(heading));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "备注", "id", "idNumbers", "民族"})
    void unknownHeadingsNameNoColumn(String heading) {
        assertEquals(Optional.empty(), RosterColumn.forHeading(heading));
    }

    @ParameterizedTest
    @EnumSource(RosterColumn.class)
    void everyDeclaredHeadingLeadsBackToItsColumn(RosterColumn column) {
        assertEquals(Optional.of(column), RosterColumn.forHeading(column.heading()));
        column.chineseHeadings().forEach(h -> assertEquals(Optional.of(column), RosterColumn.forHeading(h), h));
        assertTrue(!column.chineseHeadings().isEmpty());
    }

    @Test
    void requiredColumnsAreTheSevenTheImportNeeds() {
        Set<RosterColumn> required = EnumSet.noneOf(RosterColumn.class);
        for (RosterColumn c : RosterColumn.values()) {
            if (c.required()) {
                required.add(c);
            }
        }
        assertEquals(EnumSet.of(RosterColumn.ID_NUMBER, RosterColumn.NAME, RosterColumn.RETIREMENT_DATE,
                RosterColumn.ENTERPRISE_CREDIT_CODE, RosterColumn.INSURED_AREA_CODE, RosterColumn.RESIDENCE_ADDRESS,
                RosterColumn.RESIDENCE_AREA_CODE), required);
    }
}
