package cq.retirees.registry;

/** Which plan governs an enterprise's retirees (DOMAIN.md §2). */
public enum EnterpriseCategory {
    MUNICIPAL_KEY_SOE,
    MUNICIPAL_KEY_SOE_SUBSIDIARY,
    MUNICIPAL_DEPARTMENT_SOE,
    DISTRICT_SOE,
    LIANGJIANG_SOE,
    WANSHENG_SOE,
    CENTRAL_SOE_IN_CHONGQING
}
