package cq.retirees.infra.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagesTest {

    private final Messages messages = new Messages(List.of("i18n.infra"));

    @Test
    void everyTextExistsInBothLanguages() {
        assertEquals(List.of(), messages.untranslated());
    }

    @Test
    void detailsAreFilledInTheCallersLanguage() {
        assertEquals("The body exceeds the limit of 2,048 bytes.",
                messages.detail("PAYLOAD_TOO_LARGE", List.of(2048), Language.EN));
        assertEquals("请求体超过 2,048 字节的上限。", messages.detail("PAYLOAD_TOO_LARGE", List.of(2048), Language.ZH_CN));
    }

    @Test
    void theKernelsValidationCodesHaveTexts() {
        for (String code : List.of("ID_NUMBER_REQUIRED", "ID_NUMBER_LENGTH", "ID_NUMBER_CHARACTERS", "ID_NUMBER_REGION",
                "ID_NUMBER_BIRTH_DATE", "ID_NUMBER_BAD_CHECKSUM", "CREDIT_CODE_REQUIRED", "CREDIT_CODE_LENGTH",
                "CREDIT_CODE_CHARACTERS", "CREDIT_CODE_BAD_CHECKSUM", "AREA_CODE_REQUIRED", "AREA_CODE_FORMAT",
                "MONEY_REQUIRED", "MONEY_FORMAT")) {
            assertTrue(messages.knows(code), code);
        }
    }

    @Test
    void anUnknownCodeFallsBackToTheCodeItself() {
        assertEquals("NO_SUCH_CODE", messages.title("NO_SUCH_CODE", Language.EN));
    }
}
