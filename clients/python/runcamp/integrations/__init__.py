"""Native integrations: a framework's own logging hook that logs to a runcamp run.

Each is a module of its own, imported by the script that uses it, so ``import runcamp`` never
imports a framework (each is an optional extra: ``pip install runcamp[lightning]``)::

    from runcamp.integrations.lightning import RuncampLogger        # PyTorch Lightning
    from runcamp.integrations.huggingface import RuncampCallback    # transformers.Trainer
    from runcamp.integrations.keras import RuncampCallback          # Keras 3
    from runcamp.integrations.sklearn import log_estimator          # scikit-learn

Every one maps a metric key to a series name and context by one rule
(``runcamp/_metric_keys.py``: ``val_loss`` -> ``loss`` with ``{"subset": "val"}``), turns
hyper-parameters into params by one rule (``runcamp/_params_json.py``), and closes the run
it created with the status training ended in (``owned_run.py``). docs/integrations.md has
the guide.
"""
