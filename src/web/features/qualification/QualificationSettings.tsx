import { StageGateCard } from './StageGateCard';
import { SweetSpotCriteriaCard } from './SweetSpotCriteriaCard';

/** How this workspace qualifies deals: its sweet-spot checklist and its stage gate (settings page). */
export function QualificationSettings() {
  return (
    <>
      <SweetSpotCriteriaCard />
      <StageGateCard />
    </>
  );
}
