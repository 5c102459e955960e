package org.sellcraft.api.web;

import java.util.Map;
import java.util.Set;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A page of the web console with its menu entry. Register an object of this interface as an OSGi service: the
 * console lists it in its menu while the service exists, so a module's pages come and go with its bundle, without
 * a restart.
 *
 * <p>The console serves the page's files from the contributing bundle itself, from the folder
 * {@link #resourceFolder()}, under {@code /console/modules/<id>/}. The page is an ES module, {@link #script()}, that
 * exports {@code async function render(view, ctx)}: {@code view} is the element to fill, {@code ctx} gives the
 * signed-in user, the language, {@code ctx.api(path)} for JSON through the REST API, {@code ctx.t(key)} for labels
 * and {@code ctx.echarts}. The module may also export {@code messages}, its own labels by language
 * ({@code {"en": {...}, "zh-CN": {...}}}). Its data must come through the REST API, where the caller's access rules
 * apply; a page holds no data of its own.
 */
@ConsumerType
public interface WebContribution {

    /**
     * Returns the page's id: lower-case letters, digits and dashes. It names the page's route ({@code #/<id>}) and
     * the path its files are served under; it must be unique among all contributions.
     */
    String id();

    /**
     * Returns the menu label by language tag. The console uses {@code en} and {@code zh-CN}, and falls back to
     * {@code en} for a language the map lacks.
     */
    Map<String, String> labels();

    /**
     * Returns the roles that see the page, see {@link org.sellcraft.api.security.Roles}. An empty set shows it to every
     * signed-in user. Hiding a page is a convenience, not a protection: the REST operations it calls enforce access.
     */
    Set<String> roles();

    /**
     * Returns the folder of the contributing bundle that holds the page's files, for example
     * {@code /web/leaderboard}.
     */
    String resourceFolder();

    /** Returns the page's script, relative to {@link #resourceFolder()}; {@code page.js} unless overridden. */
    default String script() {
        return "page.js";
    }

    /**
     * Returns the name of the menu icon, one of the console's set: {@code home}, {@code users}, {@code funnel},
     * {@code upload}, {@code settings}, {@code chart}, {@code heart}, {@code list}; unknown names show {@code list}.
     */
    default String icon() {
        return "list";
    }

    /** Returns where the entry sits in the menu: lower comes first. The console's own pages use 10 to 90. */
    default int order() {
        return 500;
    }
}
