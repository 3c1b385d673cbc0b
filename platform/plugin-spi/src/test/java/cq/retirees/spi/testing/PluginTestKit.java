package cq.retirees.spi.testing;

import cq.retirees.kernel.AreaCode;
import cq.retirees.spi.PluginSettings;
import cq.retirees.spi.receiving.EnterpriseFacts;
import cq.retirees.spi.receiving.ReceivingBodyFacts;
import cq.retirees.spi.receiving.ReceivingProposal;
import cq.retirees.spi.receiving.RetireeFacts;
import cq.retirees.spi.receiving.RosterContext;
import cq.retirees.spi.receiving.Territory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made SPI records and the host's checks, for the unit tests of district and zone plugins. Shipped as
 * plugin-spi's test-jar ({@code <type>test-jar</type>}, test scope); a plugin jar never contains it.
 */
public final class PluginTestKit {

    /** What the host accepts as a reason code. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    /** 两江新区 and 万盛经开区, the two functional zones (no GB/T 2260 code of their own). */
    public static final AreaCode LJXQ = area("LJXQ");
    public static final AreaCode WSJK = area("WSJK");
    /** Districts: 渝中, 江北, 北碚, 渝北, 沙坪坝, 万州, 綦江. */
    public static final AreaCode YUZHONG = area("500103");
    public static final AreaCode JIANGBEI = area("500105");
    public static final AreaCode BEIBEI = area("500109");
    public static final AreaCode YUBEI = area("500112");
    public static final AreaCode SHAPINGBA = area("500106");
    public static final AreaCode WANZHOU = area("500101");
    public static final AreaCode QIJIANG = area("500110");

    /** Every area above: the areas in force in {@link #roster(ReceivingBodyFacts...)}. */
    public static final Set<AreaCode> ALL_AREAS = Set.of(LJXQ, WSJK, YUZHONG, JIANGBEI, BEIBEI, YUBEI, SHAPINGBA,
            WANZHOU, QIJIANG);

    private PluginTestKit() {
    }

    public static AreaCode area(String code) {
        return AreaCode.of(code);
    }

    public static RetireeFacts retiree(AreaCode insured, AreaCode residence, String street) {
        return new RetireeFacts(UUID.randomUUID(), insured, residence, street, LocalDate.of(1950, 5, 1), false);
    }

    /** An enterprise insured and located in the same area. */
    public static EnterpriseFacts enterprise(String category, AreaCode insured) {
        return new EnterpriseFacts(UUID.randomUUID(), category, insured, insured);
    }

    public static ReceivingBodyFacts body(AreaCode area, String nameZh, String kind) {
        return new ReceivingBodyFacts(UUID.randomUUID(), area, nameZh, kind);
    }

    /** A roster in which every area of {@link #ALL_AREAS} is in force, with the given bodies registered. */
    public static RosterContext roster(ReceivingBodyFacts... bodies) {
        return roster(ALL_AREAS, bodies);
    }

    public static RosterContext roster(Set<AreaCode> inForce, ReceivingBodyFacts... bodies) {
        Map<AreaCode, List<ReceivingBodyFacts>> byArea = new HashMap<>();
        Arrays.stream(bodies).forEach(b -> byArea.computeIfAbsent(b.area(), a -> new ArrayList<>()).add(b));
        return new RosterContext(100, Map.of(), inForce, byArea);
    }

    /** Settings from alternating keys and values. */
    public static PluginSettings settings(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new PluginSettings(values);
    }

    /**
     * The {@code plugin-settings.properties} at the root of the jar under test, read as the host would, and checked
     * to read the same whether loaded as ISO-8859-1 or UTF-8.
     *
     * @param anchor a class of the plugin under test, through which the file is looked up
     */
    public static PluginSettings shippedSettings(Class<?> anchor) throws IOException {
        byte[] file;
        try (InputStream in = anchor.getResourceAsStream("/plugin-settings.properties")) {
            assertNotNull(in, "plugin-settings.properties at the jar root");
            file = in.readAllBytes();
        }
        Properties latin1 = new Properties();
        Properties utf8 = new Properties();
        latin1.load(new ByteArrayInputStream(file));
        utf8.load(new StringReader(new String(file, StandardCharsets.UTF_8)));
        assertEquals(latin1, utf8, "the file reads the same in either encoding");
        Map<String, String> values = new HashMap<>();
        latin1.stringPropertyNames().forEach(k -> values.put(k, latin1.getProperty(k)));
        return new PluginSettings(values);
    }

    /**
     * What the host checks of every proposal, plus the plugin's own naming convention for its codes.
     *
     * @param prefix what every reason code must start with: the plugin's id in capitals and {@code _}
     */
    public static void assertAcceptable(ReceivingProposal p, Territory territory, RosterContext roster,
                                        String prefix) {
        assertTrue(territory.mayReceiveIn(p.area()), "proposes only in its receiving areas");
        assertTrue(p.receivingBodyId() == null
                || roster.bodiesIn(p.area()).stream().anyMatch(b -> b.id().equals(p.receivingBodyId())),
                "the body is registered in the proposed area");
        for (String code : List.of(p.reasonCode(), p.bodyReasonCode())) {
            assertTrue(CODE.matcher(code).matches() && code.startsWith(prefix), code);
        }
        p.alternatives().forEach(a -> {
            assertNotNull(a.area());
            assertTrue(CODE.matcher(a.reasonCode()).matches() && a.reasonCode().startsWith(prefix), a.reasonCode());
        });
    }
}
