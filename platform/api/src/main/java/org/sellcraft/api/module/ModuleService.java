package org.sellcraft.api.module;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.sellcraft.api.security.Caller;

/**
 * Sellcraft's modules and editions in this server, and changing them while the platform runs. Operations run one at
 * a time; each one is written to the audit log under the caller's name.
 */
@ProviderType
public interface ModuleService {

    /** Every Sellcraft module and edition known to the server, installed or not, by name. */
    List<ModuleInfo> modules();

    /** The module or edition of that name, if the server knows it. */
    Optional<ModuleInfo> module(String name);

    /**
     * Installs a module and what it needs, and waits until its bundles have started.
     *
     * @throws ModuleException {@code UNKNOWN} for a name that is not a Sellcraft module, {@code BUSY} when another
     *     operation is running, {@code FAILED} when the feature service could not install it
     */
    ModuleChange install(Caller caller, String name);

    /**
     * Uninstalls a module. Its data stays in the store and is found again when it is installed again.
     *
     * @throws ModuleException {@code REQUIRED} when installed modules need it (the message names them),
     *     {@code NOT_INSTALLED}, {@code UNKNOWN}, {@code BUSY} or {@code FAILED}
     */
    ModuleChange uninstall(Caller caller, String name);

    /**
     * Updates an installed module: moves to the newest version the repositories offer, or, when it already has the
     * newest, reloads its bundles from their location (a rebuilt snapshot) and refreshes them.
     *
     * @throws ModuleException {@code NOT_INSTALLED}, {@code UNKNOWN}, {@code BUSY} or {@code FAILED}
     */
    ModuleChange update(Caller caller, String name);

    /** The editions, smallest first, without their {@code sellcraft-} prefix: {@code small}, {@code midsize}... */
    List<String> editions();

    /** The edition this server was last switched to. */
    String edition();

    /**
     * Switches to another edition: installs the modules it holds that are missing, and uninstalls the modules of
     * the other editions that it does not hold. Modules in no edition (add-ons) stay as they are.
     *
     * @param edition an edition's short name, for example {@code midsize}
     * @throws ModuleException {@code UNKNOWN}, {@code REQUIRED} (an add-on needs a module the edition leaves out),
     *     {@code BUSY} or {@code FAILED}
     */
    ModuleChange switchEdition(Caller caller, String edition);
}
