import { Link } from 'react-router';
import { useStages } from '../../app/directory';
import { QUALIFICATION_ANCHOR, useStageGate } from './api';
import '../../styles/qualification.css';

/**
 * Under the stage field of a deal's form: when the workspace's gate guards the stage a deal is moving to, says so;
 * after the gate refused a move (its message is the field's error), links to the deal's
 * qualification form — on the deal's own page only (`onDealPage`), since a new deal has none yet.
 */
export function StageGateNote({ stageId, moving, refused, onDealPage }: { stageId: string; moving: boolean; refused: boolean; onDealPage: boolean }) {
  const gate = useStageGate();
  const stages = useStages();
  const gateStage = gate.data?.stage;
  const chosen = stages.data?.find((s) => s.id === stageId);
  if (!gateStage || !chosen || chosen.position < gateStage.position) return null;
  if (refused && onDealPage) {
    return (
      <p className="stage-gate-note">
        <Link to={`#${QUALIFICATION_ANCHOR}`} state={{ open: true }}>
          Record the commitment to change
        </Link>
      </p>
    );
  }
  if (refused || !moving) return null;
  return <p className="stage-gate-note muted">From “{gateStage.name}” on, a deal needs an evidenced commitment to change.</p>;
}
