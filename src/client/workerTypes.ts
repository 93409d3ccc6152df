// The page's one route to the worker side's types, never its code: the declarations tsc -b writes for src/worker-api,
// read through the #worker-types path (tsconfig.base.json). Every worker type the app uses is passed on from here.
export type { EngineApi } from '#worker-types/workers/engine.worker.d.ts';
export type { AppStatus, ImportProgress, ModelSummary, MovieCard, MovieDetails, PrepareProgress, Recommendation, Recommendations, RowReason, ValidationRun } from '#worker-types/src/worker-api/apiTypes.d.ts';
export type { DatasetInfo, StorageInfo } from '#worker-types/src/worker-api/datasetsApi.d.ts';
export type { ImportCandidate, ImportPreview, ImportRowView, ImportSaved } from '#worker-types/src/worker-api/externalImportApi.d.ts';
export type { EvalStep, LabEvalReport, LabTuneOptions, LabTuneReport, TuneResult } from '#worker-types/src/worker-api/labApi.d.ts';
export type { TasteMapData, TasteMapPoint } from '#worker-types/src/worker-api/mapApi.d.ts';
export type { SparkImportResult } from '#worker-types/src/worker-api/sparkApi.d.ts';
export type { HiddenEntry, Marks, WatchEntry, Watchlist } from '#worker-types/src/worker-api/marksApi.d.ts';
export type { LetterboxdExport } from '#worker-types/src/engine/exportLetterboxd.d.ts';
export type { UndoTicket, Undone } from '#worker-types/src/worker-api/profileApi.d.ts';
export type { BackupSummary, RestoreProgress, RestoreResult } from '#worker-types/src/worker-api/restoreApi.d.ts';
export type { GroupMember, GroupRule, MyTasteCode, NightList, NightRow } from '#worker-types/src/worker-api/nightApi.d.ts';
export type { QrScanApi } from '#worker-types/workers/qr-scan.worker.d.ts';
export type { PhotoProblem, PhotoRead, QrRead } from '#worker-types/src/worker-api/qrRead.d.ts';
