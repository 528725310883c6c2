print("charte")
