// The camera scanner for a friend's taste code: the rear camera's live preview in a sheet, a status line, Close (Esc too);
// frames go to the scanner worker at most 8 a second, and the camera stops (every track) the moment a code is read or the sheet closes.
import { useEffect, useRef, useState } from 'react';
import { transfer } from 'comlink';
import { qrScanDefaults } from '../../../engine/defaults/qrScanDefaults';
import { FilePicker } from '../FilePicker';
import { startQrWorker } from './qrScanWorker';
import { SCAN_STATUS, cameraOff, cameraProblem, type ScanStatus } from './scanText';
import './scan.css';

/** `onPhoto`: the person picked a photo instead (offered once the camera is off); the sheet closes and the photo is read. */
export default function ScanCode(props: { onCode: (text: string) => void; onPhoto: (file: File) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<ScanStatus>('starting');
  // The latest callbacks, so the camera effect runs once per opening.
  const onCode = useRef(props.onCode);
  onCode.current = props.onCode;

  useEffect(() => {
    const d = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    return () => {
      if (d?.open) d.close();
      if (opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, []);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer = 0;
    const worker = startQrWorker();
    const stop = () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((t) => t.stop()); // the camera light goes off
      if (video.current) video.current.srcObject = null;
      worker.stop();
    };
    const tick = async () => {
      const v = video.current;
      if (stopped || !v) return;
      const started = performance.now();
      if (v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && v.videoWidth > 0 && !document.hidden) {
        try {
          // The frame is copied off the video here and drawn (downscaled to ≤ frameSide) and read in the worker.
          const frame = await createImageBitmap(v);
          const read = await worker.api.decodeFrame(transfer(frame, [frame]));
          if (stopped) return;
          if (read.kind === 'code') {
            stop();
            onCode.current(read.text);
            return;
          }
          setStatus(read.kind === 'other' ? 'other' : 'scanning');
        } catch {
          if (stopped) return; // closed while a frame was read
        }
      }
      timer = window.setTimeout(() => void tick(), Math.max(0, qrScanDefaults.frameIntervalMs - (performance.now() - started)));
    };
    void (async () => {
      if (!navigator.mediaDevices?.getUserMedia) return setStatus('no-camera'); // none, or not a secure page
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (e) {
        if (!stopped) setStatus(cameraProblem(e));
        return;
      }
      const v = video.current;
      if (stopped || !v) return stop();
      v.srcObject = stream;
      await v.play().catch(() => {}); // muted and inline: plays without a gesture; frames are read either way
      if (stopped) return;
      setStatus('scanning');
      void tick();
    })();
    return stop;
  }, []);

  const off = cameraOff(status);
  return (
    <dialog
      ref={dialog}
      className={`scan-sheet${off ? ' off' : ''}`}
      aria-labelledby="scan-h"
      data-testid="scan-sheet"
      onCancel={(e) => {
        e.preventDefault(); // Esc: the same as Close, through React
        props.onClose();
      }}
    >
      <div className="scan-bar">
        <h2 id="scan-h">Scan their QR code</h2>
        <button type="button" className="scan-close" onClick={props.onClose} autoFocus>
          {off ? 'Close' : 'Cancel'}
        </button>
      </div>
      <div className={`scan-view${off ? ' off' : ''}`}>
        <video ref={video} muted playsInline aria-label="Camera preview" data-testid="scan-video" />
        {!off && <div className="scan-frame" aria-hidden="true" />}
      </div>
      <p role="status" className={`scan-status${status === 'other' || off ? ' warn' : ''}`} data-testid="scan-status" data-status={status}>
        {SCAN_STATUS[status]}
      </p>
      {off ? (
        <div className="actions">
          <FilePicker
            text="Pick a photo instead"
            accept="image/*"
            aria-label="Pick a photo of their QR code instead"
            onFile={props.onPhoto}
          />
        </div>
      ) : (
        <p className="muted scan-note">The picture stays on this device: frames are read here and kept nowhere.</p>
      )}
    </dialog>
  );
}
