package cq.retirees.infra.http;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts in zh-CN and English. Each module contributes one bundle ({@code i18n/<module>}); a code's
 * title is {@code <CODE>.title}, its detail template {@code <CODE>.detail}, an enum label {@code label.<Type>.<VALUE>}.
 */
public final class Messages {

    private final List<String> bundles;

    public Messages(List<String> bundles) {
        this.bundles = List.copyOf(bundles);
    }

    public String title(String code, Language language) {
        return lookup(code + ".title", language).orElse(code);
    }

    /**
     * The detail text of {@code code} with {@code args} filled in; {@link Label} arguments in the reader's language.
     * Where the template needs arguments that were not kept (an import's stored rejections keep the code only), the
     * title stands in rather than a text with holes in it.
     */
    public String detail(String code, List<Object> args, Language language) {
        return lookup(code + ".detail", language)
                .map(template -> new MessageFormat(template, language.locale()))
                .filter(format -> format.getFormatsByArgumentIndex().length <= args.size())
                .map(format -> format.format(args.stream().map(arg -> arg instanceof Label label
                        ? label.in(this, language) : arg).toArray()))
                .orElseGet(() -> title(code, language));
    }

    /**
     * A message argument shown in the reader's language: the label {@code label.<type>.<value>}, else the
     * {@code otherwise} label, else the value itself.
     */
    public record Label(String type, String value, Label otherwise) {

        public static Label of(String type, String value) {
            return new Label(type, value, null);
        }

        String in(Messages messages, Language language) {
            return messages.lookup("label." + type + "." + value, language)
                    .orElseGet(() -> otherwise == null ? value : otherwise.in(messages, language));
        }
    }

    public String label(String type, String value, Language language) {
        return lookup("label." + type + "." + value, language).orElse(value);
    }

    /** Keys present in one language's bundles but not the other's: a test keeps this empty. */
    public List<String> untranslated() {
        List<String> missing = new ArrayList<>();
        for (String name : bundles) {
            ResourceBundle zh = ResourceBundle.getBundle(name, Language.ZH_CN.locale(), NoFallback.INSTANCE);
            ResourceBundle en = ResourceBundle.getBundle(name, Language.EN.locale(), NoFallback.INSTANCE);
            zh.keySet().stream().filter(k -> !en.containsKey(k)).map(k -> name + ": en lacks " + k).forEach(missing::add);
            en.keySet().stream().filter(k -> !zh.containsKey(k)).map(k -> name + ": zh-CN lacks " + k).forEach(missing::add);
        }
        return missing;
    }

    public boolean knows(String code) {
        return lookup(code + ".title", Language.EN).isPresent() && lookup(code + ".title", Language.ZH_CN).isPresent();
    }

    private java.util.Optional<String> lookup(String key, Language language) {
        for (String name : bundles) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(name, language.locale(), NoFallback.INSTANCE);
                if (bundle.containsKey(key)) {
                    return java.util.Optional.of(bundle.getString(key));
                }
            } catch (MissingResourceException ignored) {
                // a module without texts in this language: try the next bundle
            }
        }
        return java.util.Optional.empty();
    }

    /** Never fall back to the JVM's default locale: the server's locale must not change what clients read. */
    private static final class NoFallback extends ResourceBundle.Control {
        static final NoFallback INSTANCE = new NoFallback();

        @Override
        public java.util.Locale getFallbackLocale(String baseName, java.util.Locale locale) {
            return null;
        }
    }
}
