package org.revops.territory;

import org.revops.platform.error.ApiProblem;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Default territory codes. A code names a territory stably across clones of a model, so it is derived once, when the
 * territory is created without one, and never recomputed behind the client's back (renames and moves keep it):
 * <pre>
 *   code = slug(name)                       for a root
 *   code = parent.code + "/" + slug(name)   below a parent
 *   slug(name) = lower-case ASCII of name with accents dropped, every run of other characters one '-',
 *                no '-' at either end ("Zürich Nord & Süd" → "zurich-nord-sud")
 * </pre>
 */
public final class TerritoryCodes {
    public static final int MAX_LENGTH = 120;

    private TerritoryCodes() {
    }

    public static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** The default code of a territory named {@code name} under a parent with {@code parentCode} (null: a root). */
    public static String defaultCode(String parentCode, String name) {
        String slug = slug(name);
        if (slug.isEmpty()) {
            throw ApiProblem.invalid("code", "cannot be derived from a name without letters or digits: give a code");
        }
        String code = parentCode == null ? slug : parentCode + "/" + slug;
        if (code.length() > MAX_LENGTH) {
            throw ApiProblem.invalid("code", "the derived code is longer than " + MAX_LENGTH
                    + " characters: give a shorter code");
        }
        return code;
    }
}
