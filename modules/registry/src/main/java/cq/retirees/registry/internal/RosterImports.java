package cq.retirees.registry.internal;

import cq.retirees.infra.PlatformServices;
import cq.retirees.infra.audit.AuditRecord;
import cq.retirees.infra.audit.Outcome;
import cq.retirees.infra.http.ApiException;
import cq.retirees.infra.http.FieldError;
import cq.retirees.kernel.InvalidValueException;
import cq.retirees.kernel.ResidentIdNumber;
import cq.retirees.kernel.access.Actor;
import cq.retirees.registry.Enterprise;
import cq.retirees.registry.internal.roster.RosterColumn;
import cq.retirees.registry.internal.roster.RosterFileException;
import cq.retirees.registry.internal.roster.RosterReader;
import cq.retirees.registry.internal.roster.RosterRow;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Roster imports: the upload is spooled to the data directory, then read row by row, validated with the same
 * {@link RetireeRules} as the API, encrypted, and written in chunks that each commit with the import's progress.
 * A crash loses at most the chunk in flight; on the next start the import resumes after the last committed chunk
 * (the spooled file is still there), so a resumed run ends exactly as an uninterrupted one.
 */
final class RosterImports implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RosterImports.class.getName());

    enum Format { CSV, XLSX }

    private final PlatformServices platform;
    private final ImportsDb imports;
    private final RetireesDb retirees;
    private final EnterprisesDb enterprises;
    private final AreasDb areas;
    private final ChunkWriter writer;
    private final Path spool;
    private final int chunkSize;
    // One import at a time per instance: imports are I/O-bound on the database, and parallel ones would only contend.
    private final ExecutorService runner = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("roster-import").factory());

    RosterImports(PlatformServices platform, DataSource dataSource, ImportsDb imports, RetireesDb retirees,
                  EnterprisesDb enterprises, AreasDb areas, int chunkSize) {
        this.platform = platform;
        this.imports = imports;
        this.retirees = retirees;
        this.enterprises = enterprises;
        this.areas = areas;
        this.writer = new ChunkWriter(dataSource, platform.outbox());
        this.spool = platform.dataDirectory().resolve("imports");
        this.chunkSize = chunkSize;
    }

    /** A received upload, stored and digested, not yet registered. */
    record Upload(UUID id, Path file, String sha256, long bytes) {
    }

    Upload spool(InputStream body, long maxBytes) {
        UUID id = TimeOrderedIds.next();
        Path file = spool.resolve(id + ".upload");
        try {
            Files.createDirectories(spool);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (InputStream in = body; OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                bytes = copyAtMost(in, out, maxBytes);
            }
            if (bytes == 0) {
                Files.deleteIfExists(file);
                throw ApiException.badRequest("ROSTER_FILE_EMPTY");
            }
            return new Upload(id, file, HexFormat.of().formatHex(sha.digest()), bytes);
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (ApiException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    /** Registers the spooled upload as an import (in the caller's transaction); run it with {@link #start}. */
    void register(io.helidon.dbclient.DbExecute tx, Actor actor, String address, Enterprise enterprise, Upload upload,
                  Format format, Optional<Charset> declared) {
        imports.insert(tx, upload.id(), enterprise.id(), format.name(), declared.map(Charset::name).orElse(null),
                upload.sha256(), upload.bytes(), actor.userId());
        platform.audit().append(tx, AuditRecord.of(actor, address, "ROSTER_IMPORT_RECEIVED", "roster-import",
                upload.id(), Outcome.SUCCESS, Map.of("enterpriseId", enterprise.id().toString(),
                        "format", format.name(), "bytes", Long.toString(upload.bytes()), "sha256", upload.sha256())));
    }

    void start(UUID importId) {
        runner.submit(() -> run(importId));
    }

    void discard(Upload upload) {
        deleteQuietly(upload.file());
    }

    /** After a restart: every unfinished import whose upload this instance's data directory holds. */
    void resumeInterrupted() {
        for (UUID id : imports.unfinished(platform.db().execute())) {
            if (Files.exists(spool.resolve(id + ".upload"))) {
                LOG.log(Level.INFO, "resuming roster import {0}", id);
                start(id);
            }
        }
    }

    private void run(UUID importId) {
        try {
            process(importId);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "roster import " + importId + " failed", e);
            imports.failed(platform.db().execute(), importId, "IMPORT_INTERNAL_ERROR", e.getClass().getSimpleName());
            deleteQuietly(spool.resolve(importId + ".upload")); // committed chunks stay; a re-upload finishes the rest
        }
    }

    private void process(UUID importId) {
        ImportsDb.ImportRun run = imports.byId(platform.db().execute(), importId).orElseThrow();
        if (run.status().equals("COMPLETED") || run.status().equals("FAILED")) {
            return;
        }
        Path file = spool.resolve(importId + ".upload");
        Enterprise enterprise = enterprises.byId(platform.db().execute(), run.enterpriseId()).orElseThrow();
        RetireeRules rules = new RetireeRules(AreaCalendar.load(areas, platform.db().execute()),
                LocalDate.now(platform.clock()));
        try (RosterReader reader = open(file, run); ChunkPipeline pipeline = new ChunkPipeline(importId, enterprise.id())) {
            imports.started(platform.db().execute(), importId, reader.charset().map(Charset::name).orElse(null),
                    String.join(",", reader.ignoredHeadings()));
            Set<Long> seen = new HashSet<>();
            List<ChunkWriter.StagedRow> staged = new ArrayList<>(chunkSize);
            List<ChunkWriter.Rejection> rejected = new ArrayList<>();
            long read = 0;
            while (reader.hasNext()) {
                RosterRow row = reader.next();
                read++;
                if (read <= run.rowsRead()) {
                    claim(seen, row); // committed before the crash: only remember its ID number
                    continue;
                }
                stage(row, rules, enterprise, seen, staged, rejected);
                if (staged.size() + rejected.size() >= chunkSize) {
                    pipeline.submit(staged, rejected, read);
                    staged = new ArrayList<>(chunkSize);
                    rejected = new ArrayList<>();
                }
            }
            if (!staged.isEmpty() || !rejected.isEmpty() || read > run.rowsRead()) {
                pipeline.submit(staged, rejected, read);
            }
            pipeline.drain();
            finish(importId);
        } catch (RosterFileException e) {
            imports.failed(platform.db().execute(), importId, e.code(), String.join(",", e.details()));
            deleteQuietly(file);
        } catch (IOException e) {
            throw new UncheckedIOException("roster import " + importId + " could not read its upload", e);
        }
    }

    /**
     * Writes chunks one after another, in file order, on a thread of their own, so the next chunk is read,
     * validated and encrypted while the database writes the previous one. At most one chunk waits.
     */
    private final class ChunkPipeline implements AutoCloseable {
        private final UUID importId;
        private final UUID enterpriseId;
        private final ExecutorService writes = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("roster-import-writer").factory());
        private java.util.concurrent.Future<?> inFlight;

        ChunkPipeline(UUID importId, UUID enterpriseId) {
            this.importId = importId;
            this.enterpriseId = enterpriseId;
        }

        void submit(List<ChunkWriter.StagedRow> staged, List<ChunkWriter.Rejection> rejected, long rowsRead) {
            drain();
            inFlight = writes.submit(() -> {
                writer.write(importId, enterpriseId, staged, rejected, rowsRead);
                return null;
            });
        }

        /** Waits for the chunk in flight; its failure ends the import. */
        void drain() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("roster import " + importId + " interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                writes.shutdownNow();
                throw new IllegalStateException("roster import " + importId + " could not write", e.getCause());
            } finally {
                inFlight = null;
            }
        }

        @Override
        public void close() {
            writes.shutdown();
        }
    }

    private void finish(UUID importId) {
        platform.transactions().inTransaction(tx -> {
            imports.completed(tx, importId);
            ImportsDb.ImportRun done = imports.byId(tx, importId).orElseThrow();
            platform.audit().append(tx, new AuditRecord(done.createdBy(), "roster-import", "ROSTER_IMPORT_COMPLETED",
                    "roster-import", importId.toString(), Outcome.SUCCESS, null, Map.of(
                    "rowsRead", Long.toString(done.rowsRead()), "created", Long.toString(done.rowsCreated()),
                    "updated", Long.toString(done.rowsUpdated()), "unchanged", Long.toString(done.rowsUnchanged()),
                    "rejected", Long.toString(done.rowsRejected()))));
            return null;
        });
        deleteQuietly(spool.resolve(importId + ".upload"));
    }

    private void stage(RosterRow row, RetireeRules rules, Enterprise enterprise, Set<Long> seen,
                       List<ChunkWriter.StagedRow> staged, List<ChunkWriter.Rejection> rejected) {
        List<FieldError> errors = new ArrayList<>();
        String creditCode = row.value(RosterColumn.ENTERPRISE_CREDIT_CODE);
        try {
            if (!cq.retirees.kernel.CreditCode.parse(creditCode).equals(enterprise.creditCode())) {
                errors.add(FieldError.of("enterpriseCreditCode", "CREDIT_CODE_NOT_THIS_ENTERPRISE"));
            }
        } catch (InvalidValueException e) {
            errors.add(FieldError.of("enterpriseCreditCode", e.code()));
        }
        RetireeRules.Checked checked = rules.check(draft(row));
        errors.addAll(checked.errors());
        if (!claim(seen, row)) {
            errors.add(FieldError.of("idNumber", "ID_NUMBER_DUPLICATE_IN_FILE"));
        }
        if (!errors.isEmpty()) {
            errors.forEach(error -> rejected.add(new ChunkWriter.Rejection(row.rowNumber(), error)));
            return;
        }
        RetireeFacts facts = checked.facts();
        staged.add(new ChunkWriter.StagedRow(row.rowNumber(), TimeOrderedIds.next(), retirees.idNumberHash(facts.idNumber()),
                retirees.encrypt(facts.idNumber().value()), facts, retirees.encrypt(facts.phone()),
                retirees.phoneHash(facts.phone())));
    }

    /**
     * Remembers the row's ID number; false when an earlier row of the file had it. The first row with an ID number
     * claims it whether or not its other fields are valid, so a resumed run decides exactly as the first one did.
     */
    private boolean claim(Set<Long> seen, RosterRow row) {
        try {
            byte[] hash = retirees.idNumberHash(ResidentIdNumber.parse(row.value(RosterColumn.ID_NUMBER)));
            return seen.add(ByteBuffer.wrap(hash).getLong()); // 64 bits of an HMAC: collisions are negligible
        } catch (InvalidValueException notAnIdNumber) {
            return true;
        }
    }

    private static RetireeDraft draft(RosterRow row) {
        return new RetireeDraft(row.value(RosterColumn.ID_NUMBER), row.value(RosterColumn.NAME),
                row.value(RosterColumn.SEX), row.value(RosterColumn.BIRTH_DATE), row.value(RosterColumn.RETIREMENT_DATE),
                row.value(RosterColumn.RETIREE_TYPE), row.value(RosterColumn.INSURED_AREA_CODE),
                row.value(RosterColumn.RESIDENCE_ADDRESS), row.value(RosterColumn.RESIDENCE_AREA_CODE),
                row.value(RosterColumn.RESIDENCE_STREET), row.value(RosterColumn.PHONE),
                row.value(RosterColumn.PARTY_MEMBER), row.value(RosterColumn.PARTY_ORGANISATION),
                row.value(RosterColumn.LEADER_MANAGEMENT_LEVEL), row.value(RosterColumn.IMMOBILE),
                row.value(RosterColumn.DEATH_DATE));
    }

    private static RosterReader open(Path file, ImportsDb.ImportRun run) throws IOException {
        if (run.format().equals(Format.XLSX.name())) {
            return RosterReader.xlsx(file);
        }
        return RosterReader.csv(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16),
                Optional.ofNullable(run.declaredCharset()).map(Charset::forName));
    }

    private static long copyAtMost(InputStream in, OutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > maxBytes) {
                throw ApiException.of(413, "PAYLOAD_TOO_LARGE", maxBytes);
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not delete " + file, e);
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
