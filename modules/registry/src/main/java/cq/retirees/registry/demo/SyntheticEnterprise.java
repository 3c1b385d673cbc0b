package cq.retirees.registry.demo;

/**
 * A made-up enterprise whose retirees {@link SyntheticRoster} generates.
 *
 * @param creditCode       a valid GB 32100 unified social credit code, {@code 91500000} + 9 random characters + check
 * @param name             a plausible Chinese SOE name, e.g. 重庆渝山机械集团有限公司
 * @param category         one of {@code MUNICIPAL_KEY_SOE}, {@code MUNICIPAL_KEY_SOE_SUBSIDIARY},
 *                         {@code MUNICIPAL_DEPARTMENT_SOE}, {@code DISTRICT_SOE}, {@code LIANGJIANG_SOE},
 *                         {@code WANSHENG_SOE}, {@code CENTRAL_SOE_IN_CHONGQING}
 * @param insuredAreaCode  GB/T 2260 code of the area where the enterprise pays social insurance (参保地)
 * @param locationAreaCode GB/T 2260 code of the area where the enterprise is located (所在地)
 */
public record SyntheticEnterprise(
        String creditCode,
        String name,
        String category,
        String insuredAreaCode,
        String locationAreaCode) {
}
