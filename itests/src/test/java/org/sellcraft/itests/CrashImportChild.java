package org.sellcraft.itests;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.sellcraft.api.importing.ImportJob;
import org.sellcraft.api.importing.ImportRequest;
import org.sellcraft.api.security.Caller;
import org.sellcraft.core.internal.CoreRecordTypes;
import org.sellcraft.core.internal.RecordServiceImpl;
import org.sellcraft.importer.internal.ImportServiceImpl;
import org.sellcraft.store.mapdb.internal.MapDbRecordStore;

/**
 * The process the crash test kills: it opens the store, imports the retail file and prints a line after every
 * batch the importer acknowledges as committed. Run with the store folder, the file and the batch size.
 */
public final class CrashImportChild {

    static final String OPENED = "OPENED";
    static final String COMMITTED = "COMMITTED ";
    static final String DONE = "DONE ";

    private CrashImportChild() {}

    public static void main(String[] args) throws Exception {
        Path storeDir = Paths.get(args[0]);
        Path file = Paths.get(args[1]);
        int batchSize = Integer.parseInt(args[2]);

        MapDbRecordStore store = new MapDbRecordStore(storeDir);
        CoreRecordTypes types = new CoreRecordTypes();
        RecordServiceImpl records = new RecordServiceImpl(store, types);
        ImportServiceImpl imports =
                new ImportServiceImpl(records, types, storeDir.resolveSibling("jobs"), batchSize, 5);
        System.out.println(OPENED);
        System.out.flush();

        ImportJob job = imports.start(Caller.system(), ImportRequest.of(file, "uci-online-retail"), committed -> {
            System.out.println(COMMITTED + committed.rowsCommitted());
            System.out.flush();
        });
        while (!job.finished()) {
            Thread.sleep(20);
            job = imports.job(job.id()).orElseThrow();
        }
        System.out.println(DONE + job.state() + " " + job.rowsRead() + " " + job.inserted());
        System.out.flush();
        imports.close();
        store.close();
    }
}
