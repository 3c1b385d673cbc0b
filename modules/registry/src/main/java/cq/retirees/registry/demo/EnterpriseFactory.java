package cq.retirees.registry.demo;

import cq.retirees.kernel.CreditCode;
import cq.retirees.registry.demo.ChongqingAreas.Area;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;

/** Builds enterprise number {@code index} of a generator from nothing but the seed and the index. */
final class EnterpriseFactory {

    static final String MUNICIPAL_KEY_SOE = "MUNICIPAL_KEY_SOE";
    static final String MUNICIPAL_KEY_SOE_SUBSIDIARY = "MUNICIPAL_KEY_SOE_SUBSIDIARY";
    static final String MUNICIPAL_DEPARTMENT_SOE = "MUNICIPAL_DEPARTMENT_SOE";
    static final String DISTRICT_SOE = "DISTRICT_SOE";
    static final String LIANGJIANG_SOE = "LIANGJIANG_SOE";
    static final String WANSHENG_SOE = "WANSHENG_SOE";
    static final String CENTRAL_SOE_IN_CHONGQING = "CENTRAL_SOE_IN_CHONGQING";

    private static final Weighted<String> CATEGORIES = new Weighted.Builder<String>()
            .add(MUNICIPAL_KEY_SOE, 10)
            .add(MUNICIPAL_KEY_SOE_SUBSIDIARY, 35)
            .add(MUNICIPAL_DEPARTMENT_SOE, 10)
            .add(DISTRICT_SOE, 25)
            .add(LIANGJIANG_SOE, 7)
            .add(WANSHENG_SOE, 3)
            .add(CENTRAL_SOE_IN_CHONGQING, 10)
            .build();

    /** Liangjiang New Area spans parts of Yubei, Jiangbei and Beibei. */
    private static final Weighted<Area> LIANGJIANG_AREAS = new Weighted.Builder<Area>()
            .add(ChongqingAreas.byCode("500112"), 5)
            .add(ChongqingAreas.byCode("500105"), 3)
            .add(ChongqingAreas.byCode("500109"), 2)
            .build();
    /** The Wansheng zone lies inside Qijiang's code. */
    private static final Area WANSHENG_AREA = ChongqingAreas.byCode("500110");

    /** Invented trade-name words; famous real brands (长安, 嘉陵, 建设 …) are deliberately left out. */
    private static final List<String> WORDS = List.of(
            "渝山", "巴渝", "江城", "渝州", "山城", "朝天", "缙云", "歌乐", "金江", "渝峡", "汇渝", "华岭", "兴渝",
            "瑞峰", "宏江", "鼎渝", "恒川", "嘉江", "云岭", "渝丰", "渝晟", "通渝", "泰川", "川江", "红岩", "南山",
            "金沙", "长滨", "渝锦", "北岸");
    private static final List<String> INDUSTRIES = List.of(
            "机械", "化工", "纺织", "钢铁", "煤炭", "电力", "建工", "建材", "交通", "水务", "物资", "商贸", "粮油",
            "医药", "电子", "仪表", "船舶", "轻工", "食品", "印刷", "地质", "冶金", "能源", "港务", "百货", "农资",
            "汽车配件", "机电");
    private static final List<String> SUBSIDIARY_KINDS = List.of(
            "实业", "第一工程", "第二工程", "机械制造", "物流", "销售", "动力", "设备安装");

    /** 31^9: the number of distinct 9-character bodies after the fixed {@code 91500000} prefix. */
    private static final long CREDIT_CODE_BODIES = 26_439_622_160_671L;
    /**
     * About 0.618 × 31^9 and not a multiple of 31, hence coprime to 31^9: index -> index × this (mod 31^9) is a
     * bijection, so no two indexes share a code, and neighbouring indexes land far apart, so codes look random.
     */
    private static final BigInteger CREDIT_CODE_SCRAMBLER = BigInteger.valueOf(16_340_585_145_000L);
    private static final String CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private EnterpriseFactory() {
    }

    static SyntheticEnterprise create(long seed, int index) {
        SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x454E54L, index));
        String category = CATEGORIES.pick(random);
        Area insured = insuredArea(category, random);
        Area location = random.nextInt(100) < 85 ? insured : locationAwayFromInsured(category, random);
        return new SyntheticEnterprise(creditCode(seed, index), name(category, insured, random), category,
                insured.code(), location.code());
    }

    private static Area insuredArea(String category, SplittableRandom random) {
        return switch (category) {
            case LIANGJIANG_SOE -> LIANGJIANG_AREAS.pick(random);
            case WANSHENG_SOE -> WANSHENG_AREA;
            case DISTRICT_SOE -> ChongqingAreas.byPopulation().pick(random);
            // municipal and central SOEs are mostly headquartered in the central districts
            default -> random.nextInt(100) < 80
                    ? ChongqingAreas.centralByPopulation().pick(random)
                    : ChongqingAreas.byPopulation().pick(random);
        };
    }

    private static Area locationAwayFromInsured(String category, SplittableRandom random) {
        return switch (category) {
            case LIANGJIANG_SOE -> LIANGJIANG_AREAS.pick(random);
            case WANSHENG_SOE -> WANSHENG_AREA;
            default -> ChongqingAreas.centralByPopulation().pick(random);
        };
    }

    private static String name(String category, Area insured, SplittableRandom random) {
        String core = pick(WORDS, random) + pick(INDUSTRIES, random);
        return switch (category) {
            case MUNICIPAL_KEY_SOE -> "重庆" + core + (random.nextBoolean() ? "集团有限公司" : "有限责任公司");
            case MUNICIPAL_KEY_SOE_SUBSIDIARY -> "重庆" + core + "集团" + pick(SUBSIDIARY_KINDS, random) + "有限公司";
            case MUNICIPAL_DEPARTMENT_SOE -> "重庆市" + core + "有限责任公司";
            case DISTRICT_SOE -> "重庆市" + insured.name() + core + "有限公司";
            case LIANGJIANG_SOE -> "重庆两江" + core + "有限公司";
            case WANSHENG_SOE -> "重庆万盛" + core + "有限公司";
            case CENTRAL_SOE_IN_CHONGQING -> core + "集团重庆有限公司";
            default -> throw new IllegalStateException("unknown category " + category);
        };
    }

    /**
     * {@code 91} (enterprise registered with market regulation) + {@code 500000} (Chongqing) + 9-character body +
     * check. The body is the index put through bijections of 0 … 31^9 − 1 (an affine step, reversing the base-31
     * digits so the well-mixed high digits become the low ones, another affine step): distinct indexes always get
     * distinct codes, and neighbouring indexes get codes that share no visible pattern.
     */
    private static String creditCode(long seed, int index) {
        long mixed = affine(index, Seeds.mix(seed, 0x435243L));
        mixed = affine(base31Value(reversed(base31Digits(mixed))), Seeds.mix(seed, 0x435244L));
        String first17 = "91500000" + base31Digits(mixed);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static long affine(long value, long randomOffset) {
        BigInteger bodies = BigInteger.valueOf(CREDIT_CODE_BODIES);
        // BigInteger because value × scrambler overflows a long
        return BigInteger.valueOf(value).multiply(CREDIT_CODE_SCRAMBLER)
                .add(BigInteger.valueOf(Math.floorMod(randomOffset, CREDIT_CODE_BODIES)))
                .mod(bodies).longValueExact();
    }

    private static String base31Digits(long value) {
        char[] characters = new char[9];
        long rest = value;
        for (int i = characters.length - 1; i >= 0; i--) {
            characters[i] = CREDIT_CODE_ALPHABET.charAt((int) (rest % 31));
            rest /= 31;
        }
        return new String(characters);
    }

    private static long base31Value(String digits) {
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            value = value * 31 + CREDIT_CODE_ALPHABET.indexOf(digits.charAt(i));
        }
        return value;
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
    }

    private static String pick(List<String> choices, SplittableRandom random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
