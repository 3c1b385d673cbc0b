package cq.retirees.infra.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageTest {

    @ParameterizedTest(name = "Accept-Language \"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
            "en | EN",
            "en-US,en;q=0.9 | EN",
            "zh-CN | ZH_CN",
            "zh-TW | ZH_CN",
            "fr-FR | ZH_CN",
            "fr-FR, en;q=0.5 | EN",
            "zh-CN;q=0.4, en;q=0.8 | EN",
            "en;q=0.2, zh;q=0.9 | ZH_CN",
            "en;q=abc, zh;q=0.1 | ZH_CN",
            "'' | ZH_CN"})
    void thePreferredOfTheTwoLanguagesWinsAndChineseIsTheDefault(String header, Language expected) {
        assertEquals(expected, Language.fromHeader(header));
    }
}
