from digistrat.cli import main

main()
