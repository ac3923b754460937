"""What a store becomes for readers outside the web app: exports (JSON in the evaluation
contract, CSV, Markdown) and the self-contained HTML report."""
