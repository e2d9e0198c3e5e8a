"""
A test playbook
"""

import phantom.rules as phantom
import json
from datetime import datetime, timedelta


@phantom.playbook_block()
def on_start(container):
    phantom.debug('on_start() called')
    count_ips(container=container)
    return

@phantom.playbook_block()
def count_ips(action=None, success=None, container=None, results=None, handle=None, filtered_artifacts=None, filtered_results=None, custom_function=None, **kwargs):
    phantom.debug("count_ips() called")

    container_artifact_data = phantom.collect2(container=container, datapath=["artifact:*.cef.sourceAddress"])

    container_artifact_cef_item_0 = [item[0] for item in container_artifact_data]

    count_ips__count = None

    ################################################################################
    ## Custom Code Start
    ################################################################################

    count_ips__count = len(container_artifact_cef_item_0)
    text = """two
lines"""

    ################################################################################
    ## Custom Code End
    ################################################################################

    phantom.save_run_data(key="count_ips:count", value=json.dumps(count_ips__count))

    return


@phantom.playbook_block()
def acts(action=None, success=None, container=None, results=None, handle=None, filtered_artifacts=None, filtered_results=None, custom_function=None, **kwargs):
    phantom.debug("acts() called")

    ################################################################################
    ## Custom Code Start
    ################################################################################

    phantom.act("block ip", parameters=[], assets=["fw"])

    ################################################################################
    ## Custom Code End
    ################################################################################

    return


@phantom.playbook_block()
def on_finish(container, summary):
    phantom.debug("on_finish() called")
    return
