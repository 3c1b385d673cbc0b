package cq.retirees.registry.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The 38 county-level divisions of Chongqing by GB/T 2260 code, each with a rough weight and a few
 * townships/streets. Weights are the 2020 census population in units of 10,000, tripled for the nine central
 * districts, because SOE retirees cluster where the old state factories were.
 *
 * <p>Streets are real for the central districts and Qijiang (whose 万盛/东林 streets lie in the Wansheng zone,
 * and whose Jiangbei/Yubei/Beibei streets include some run by Liangjiang, so zone rules have something to bite
 * on); elsewhere they are generic invented names such as 万州路街道.
 */
final class ChongqingAreas {

    record Area(String code, String name, String stem, int weight, List<String> streets) {

        boolean isCentral() {
            return CENTRAL_DISTRICTS.contains(code);
        }
    }

    private static final List<String> CENTRAL_DISTRICTS = List.of(
            "500103", "500104", "500105", "500106", "500107", "500108", "500109", "500112", "500113");
    private static final int CENTRAL_WEIGHT_FACTOR = 3;

    private static final Map<String, Area> BY_CODE = new LinkedHashMap<>();

    static {
        add("500101", "万州区", "万州", 156);
        add("500102", "涪陵区", "涪陵", 112);
        add("500103", "渝中区", "渝中", 59, "解放碑街道", "朝天门街道", "七星岗街道", "上清寺街道", "大溪沟街道",
                "两路口街道", "菜园坝街道", "南纪门街道", "石油路街道", "大坪街道", "化龙桥街道");
        add("500104", "大渡口区", "大渡口", 42, "新山村街道", "跃进村街道", "九宫庙街道", "茄子溪街道",
                "春晖路街道", "跳磴镇");
        add("500105", "江北区", "江北", 93, "观音桥街道", "华新街街道", "五里店街道", "石马河街道", "大石坝街道",
                "寸滩街道", "江北城街道", "郭家沱街道", "铁山坪街道", "复盛镇", "鱼嘴镇", "五宝镇");
        add("500106", "沙坪坝区", "沙坪坝", 148, "小龙坎街道", "沙坪坝街道", "渝碚路街道", "磁器口街道",
                "童家桥街道", "石井坡街道", "井口街道", "歌乐山街道", "山洞街道", "新桥街道", "天星桥街道",
                "土湾街道", "覃家岗街道", "虎溪街道", "西永街道");
        add("500107", "九龙坡区", "九龙坡", 153, "杨家坪街道", "黄桷坪街道", "谢家湾街道", "石坪桥街道",
                "石桥铺街道", "中梁山街道", "渝州路街道", "二郎街道", "九龙街道", "华岩镇");
        add("500108", "南岸区", "南岸", 119, "铜元局街道", "花园路街道", "南坪街道", "海棠溪街道", "龙门浩街道",
                "弹子石街道", "南山街道", "天文街道", "长生桥镇", "迎龙镇");
        add("500109", "北碚区", "北碚", 83, "天生街道", "朝阳街道", "北温泉街道", "东阳街道", "龙凤桥街道",
                "歇马街道", "蔡家岗街道", "水土街道", "复兴街道", "童家溪镇", "静观镇");
        add("500110", "綦江区", "綦江", 101, "古南街道", "文龙街道", "三江街道", "通惠街道", "万盛街道", "东林街道");
        add("500111", "大足区", "大足", 83);
        add("500112", "渝北区", "渝北", 219, "双龙湖街道", "回兴街道", "龙溪街道", "龙山街道", "龙塔街道",
                "宝圣湖街道", "双凤桥街道", "仙桃街道", "人和街道", "悦来街道", "两路街道", "礼嘉街道", "鸳鸯街道",
                "翠云街道", "天宫殿街道", "大竹林街道", "木耳镇", "统景镇");
        add("500113", "巴南区", "巴南", 118, "鱼洞街道", "龙洲湾街道", "李家沱街道", "花溪街道", "南泉街道",
                "一品街道", "界石镇", "木洞镇");
        add("500114", "黔江区", "黔江", 49);
        add("500115", "长寿区", "长寿", 69);
        add("500116", "江津区", "江津", 136);
        add("500117", "合川区", "合川", 125);
        add("500118", "永川区", "永川", 114);
        add("500119", "南川区", "南川", 58);
        add("500120", "璧山区", "璧山", 76);
        add("500151", "铜梁区", "铜梁", 69);
        add("500152", "潼南区", "潼南", 69);
        add("500153", "荣昌区", "荣昌", 67);
        add("500154", "开州区", "开州", 120);
        add("500155", "梁平区", "梁平", 65);
        add("500156", "武隆区", "武隆", 36);
        add("500229", "城口县", "城口", 20);
        add("500230", "丰都县", "丰都", 56);
        add("500231", "垫江县", "垫江", 65);
        add("500233", "忠县", "忠县", 72);
        add("500235", "云阳县", "云阳", 93);
        add("500236", "奉节县", "奉节", 74);
        add("500237", "巫山县", "巫山", 46);
        add("500238", "巫溪县", "巫溪", 39);
        add("500240", "石柱土家族自治县", "石柱", 39);
        add("500241", "秀山土家族苗族自治县", "秀山", 50);
        add("500242", "酉阳土家族苗族自治县", "酉阳", 61);
        add("500243", "彭水苗族土家族自治县", "彭水", 50);
    }

    private static final Weighted<Area> BY_POPULATION = weighted(area -> true);
    private static final Weighted<Area> CENTRAL_BY_POPULATION = weighted(Area::isCentral);

    private ChongqingAreas() {
    }

    static List<Area> all() {
        return List.copyOf(BY_CODE.values());
    }

    /** @throws IllegalArgumentException if {@code code} is not one of the 38 divisions */
    static Area byCode(String code) {
        Area area = BY_CODE.get(code);
        if (area == null) {
            throw new IllegalArgumentException("not one of Chongqing's 38 division codes: " + code);
        }
        return area;
    }

    static Weighted<Area> byPopulation() {
        return BY_POPULATION;
    }

    static Weighted<Area> centralByPopulation() {
        return CENTRAL_BY_POPULATION;
    }

    /** All areas except {@code excluded}, by population. */
    static Weighted<Area> byPopulationExcept(List<Area> excluded) {
        return weighted(area -> !excluded.contains(area));
    }

    private static Weighted<Area> weighted(Predicate<Area> included) {
        Weighted.Builder<Area> builder = new Weighted.Builder<>();
        BY_CODE.values().stream().filter(included).forEach(area -> builder.add(area, area.weight()));
        return builder.build();
    }

    private static void add(String code, String name, String stem, int population, String... streets) {
        boolean central = CENTRAL_DISTRICTS.contains(code);
        List<String> streetList = streets.length > 0 ? List.of(streets) : genericStreets(stem);
        BY_CODE.put(code, new Area(code, name, stem, central ? population * CENTRAL_WEIGHT_FACTOR : population,
                streetList));
    }

    private static List<String> genericStreets(String stem) {
        return List.of(stem + "路街道", "城东街道", "城西街道", "城南街道", "城北街道", "新城街道");
    }
}
