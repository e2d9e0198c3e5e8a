import phantom.rules as phantom

outputs["chosen"] = [i for i in inputs["ids"] if i.startswith("i-")]
phantom.save_run_data(key="note", value="%d chosen in %s" % (len(outputs["chosen"]), inputs["region"]))
