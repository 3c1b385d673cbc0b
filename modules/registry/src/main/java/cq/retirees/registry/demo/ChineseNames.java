package cq.retirees.registry.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Plausible personal names: a surname weighted roughly by its national frequency (per 10,000 people) and one or
 * two common given-name characters of the generation born 1925–1971, leaning male or female like real names do.
 * About 70% have three characters, 28% two and 2% four (a compound surname).
 */
final class ChineseNames {

    private static final Weighted<String> SURNAMES = surnames();
    private static final List<String> COMPOUND_SURNAMES = List.of("欧阳", "司马", "上官", "诸葛");

    private static final String MALE_CHARACTERS =
            "建国军明华伟强平刚勇斌志忠林德文武成荣福贵海涛波东亮峰杰宏庆祥康寿昌兴光生永长树友金全发胜利清云山川江洪俊健辉雄彬卫民学治朝顺正宗耀家新振良仁义松柏鹏飞龙毅坚远";
    private static final String FEMALE_CHARACTERS =
            "秀英兰芳珍玉梅琼凤桂莲淑琴霞萍丽敏静红燕艳娟慧素翠菊蓉碧春芬惠琳群婷雪月香莉媛芝瑛玲珠娥仙竹容彩美佩君蕾菲琦璐秋晓丹巧爱莹晶洁荷薇芸银霜娅萱";

    private static final int TWO_CHARACTER_PERCENT = 28;
    private static final int FOUR_CHARACTER_PERCENT = 2;

    private ChineseNames() {
    }

    static String person(boolean male, SplittableRandom random) {
        int roll = random.nextInt(100);
        String characters = male ? MALE_CHARACTERS : FEMALE_CHARACTERS;
        if (roll < FOUR_CHARACTER_PERCENT) {
            return COMPOUND_SURNAMES.get(random.nextInt(COMPOUND_SURNAMES.size()))
                    + givenCharacter(characters, random) + givenCharacter(characters, random);
        }
        String surname = SURNAMES.pick(random);
        if (roll < FOUR_CHARACTER_PERCENT + TWO_CHARACTER_PERCENT) {
            return surname + givenCharacter(characters, random);
        }
        return surname + givenCharacter(characters, random) + givenCharacter(characters, random);
    }

    /** How many distinct given-name characters there are; for tests. */
    static long givenCharacterCount() {
        return (MALE_CHARACTERS + FEMALE_CHARACTERS).chars().distinct().count();
    }

    private static char givenCharacter(String characters, SplittableRandom random) {
        return characters.charAt(random.nextInt(characters.length()));
    }

    private static Weighted<String> surnames() {
        Weighted.Builder<String> builder = new Weighted.Builder<>();
        Object[][] table = {
                {"王", 710}, {"李", 700}, {"张", 650}, {"刘", 540}, {"陈", 460}, {"杨", 310}, {"黄", 240},
                {"赵", 220}, {"吴", 200}, {"周", 190}, {"徐", 140}, {"孙", 130}, {"马", 120}, {"朱", 120},
                {"胡", 110}, {"郭", 110}, {"何", 110}, {"罗", 100}, {"高", 100}, {"林", 100},
                {"梁", 90}, {"郑", 90}, {"谢", 85}, {"宋", 80}, {"唐", 80}, {"许", 75}, {"韩", 75}, {"冯", 70},
                {"邓", 70}, {"曹", 70}, {"彭", 65}, {"曾", 65}, {"肖", 60}, {"田", 60}, {"董", 55}, {"袁", 55},
                {"潘", 50}, {"蒋", 50}, {"蔡", 50}, {"余", 50}, {"杜", 45}, {"叶", 45}, {"程", 45}, {"苏", 40},
                {"魏", 40}, {"吕", 40}, {"丁", 40}, {"任", 40}, {"沈", 35}, {"姚", 35}, {"卢", 35}, {"钟", 35},
                {"谭", 35}, {"陆", 30}, {"汪", 30}, {"廖", 30}, {"熊", 30}, {"向", 25}, {"冉", 20}, {"秦", 25},
                {"雷", 25}, {"龚", 20}, {"黎", 20}, {"牟", 15},
        };
        for (Object[] row : table) {
            builder.add((String) row[0], (Integer) row[1]);
        }
        return builder.build();
    }
}
