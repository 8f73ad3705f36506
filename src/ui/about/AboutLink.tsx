// "About VSML" in the studio's toolbar: a plain link to about.html (the idea, the diagram, the paper,
// the model cards). A link, not a button: it leaves the page, and opens in a new tab on request.
import './aboutLink.css';

export function AboutLink() {
  return (
    <a className="about-link full-only" href="about.html" data-testid="about-link">
      About VSML
    </a>
  );
}
