// App shell: skip link, header with the theme choice, first-visit progress, the bring-your-own screen, then the library.
import { withoutBidiControls } from './bidi';
import { useBootstrap } from './useBootstrap';
import { ImportProgressView, TrainingProgressView } from './components/Progress';
import { ByoScreen } from './components/ByoScreen';
import { Library } from './components/Library';
import { PwaToast } from './components/PwaToast';
import { OtherTabNotice } from './components/OtherTabNotice';
import { UpgradeBanner } from './components/UpgradeBanner';
import { EngineAlert } from './components/EngineAlert';
import { usePwa } from './usePwa';
import { useLab } from './components/lab/labStore';
import { SkipLink } from './components/SkipLink';
import { ThemeSwitch } from './components/ThemeSwitch';
import './components/shell.css';

const VERSION = `${__APP_VERSION__}${__BUILD_LABEL__ ? ` (${__BUILD_LABEL__})` : ''}`;

export function App() {
  const { phase, start, importFiles, cancel, changed, emptied } = useBootstrap();
  const pwa = usePwa();
  const lab = useLab();
  return (
    <>
      {phase.kind === 'ready' && <SkipLink />}
      <header className="top">
        <div className="brand">
          <h1>PocketLens</h1>
          <p className="tagline">Movie recommendations that never leave your device.</p>
        </div>
        <ThemeSwitch />
      </header>
      <main>
        <UpgradeBanner />
        <EngineAlert />
        {phase.kind === 'loading' && <p aria-live="polite">Opening your library…</p>}
        {phase.kind === 'importing' && <ImportProgressView label={phase.label} progress={phase.progress} onCancel={cancel} />}
        {phase.kind === 'training' && <TrainingProgressView iterations={phase.iterations} total={phase.total} prepare={phase.prepare} onCancel={cancel} />}
        {phase.kind === 'other-tab' && <OtherTabNotice {...phase} onCancel={cancel} />}
        {phase.kind === 'byo' && <ByoScreen error={phase.error} onFiles={importFiles} onRetry={phase.hasSample ? start : undefined} />}
        {phase.kind === 'cancelled' && (
          <section className="panel">
            <p role="status">{phase.what}</p>
            <button type="button" onClick={start}>
              Start again
            </button>
          </section>
        )}
        {phase.kind === 'error' && (
          <p role="alert" className="error">
            {withoutBidiControls(phase.message)}
          </p>
        )}
        {phase.kind === 'ready' && (
          <Library
            key={`${phase.status.active?.id}/${phase.status.model?.id}`}
            status={phase.status}
            importError={phase.importError}
            ranker={phase.ranker}
            onChanged={changed}
            onEmpty={emptied}
            onImport={importFiles}
          />
        )}
      </main>
      <PwaToast
        pwa={pwa}
        busy={phase.kind === 'importing' || phase.kind === 'training' || lab.busy !== null}
        behind={phase.kind === 'ready' && phase.ranker?.state === 'training'}
      />
      <footer className="foot">
        <p>
          Data: MovieLens by{' '}
          <a href="https://grouplens.org/datasets/movielens/" rel="noopener noreferrer" target="_blank">
            GroupLens Research
          </a>{' '}
          (F. M. Harper and J. A. Konstan, 2015). Your ratings are stored only in this browser.
        </p>
        <p data-testid="version">PocketLens {VERSION}</p>
      </footer>
    </>
  );
}
