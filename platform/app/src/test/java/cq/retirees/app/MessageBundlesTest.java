package cq.retirees.app;

import cq.retirees.infra.http.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every user-facing text of every module exists in zh-CN and in English. */
class MessageBundlesTest {

    @Test
    void everyModulesTextsExistInBothLanguages() {
        assertEquals(List.of(), new Messages(Platform.MESSAGE_BUNDLES).untranslated());
    }
}
