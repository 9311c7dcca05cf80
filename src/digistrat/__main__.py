from digistrat.entry import main

main()
