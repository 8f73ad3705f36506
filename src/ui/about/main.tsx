// The About VSML page (about.html): static text, the diagram and the shipped learners' model cards;
// no worker, no engine.
import { createRoot } from 'react-dom/client';
import '../studio.css';
import { AboutPage } from './AboutPage';

createRoot(document.getElementById('root')!).render(<AboutPage assetBase={import.meta.env.BASE_URL} />);
