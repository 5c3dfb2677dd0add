"""What people look at: exports, the HTML report, the web app."""
