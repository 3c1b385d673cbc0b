package cq.retirees.infra.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.ServerRequest;

import java.util.Locale;

/** The two languages of the platform; {@code Accept-Language} picks, Chinese is the default. */
public enum Language {
    ZH_CN(Locale.SIMPLIFIED_CHINESE, "zh-CN"),
    EN(Locale.ENGLISH, "en");

    private final Locale locale;
    private final String tag;

    Language(Locale locale, String tag) {
        this.locale = locale;
        this.tag = tag;
    }

    public Locale locale() {
        return locale;
    }

    public String tag() {
        return tag;
    }

    public static Language of(ServerRequest request) {
        return of(request.headers());
    }

    public static Language of(Headers headers) {
        return headers.first(HeaderNames.ACCEPT_LANGUAGE).map(Language::fromHeader).orElse(ZH_CN);
    }

    /** The first of zh or en in the client's order of preference (q-values honoured), else Chinese. */
    static Language fromHeader(String header) {
        Language best = null;
        double bestQ = -1;
        for (String part : header.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1.0;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException ignored) {
                        q = 0;
                    }
                }
            }
            Language candidate = tag.startsWith("en") ? EN : tag.startsWith("zh") ? ZH_CN : null;
            if (candidate != null && q > bestQ) {
                best = candidate;
                bestQ = q;
            }
        }
        return best == null ? ZH_CN : best;
    }
}
