# Idiom seen in: funcwj/aps aps/trainer/base.py
# Idiom seen in: funcwj/aps doc/enhancement.md
# What it reproduces: the aps yaml recipe (nnet_conf / task_conf / trainer_conf) kept as a Python module;
# trainer_conf names the optimizer "adam" and puts weight_decay into optimizer_kwargs, which the trainer
# splats into Adam over every task parameter: coupled L2 that also decays the LSTM/Linear biases.

nnet = "freq_toy"
nnet_conf = {
    "input_size": 257,
    "num_bins": 257,
    "rnn": "lstm",
    "rnn_layers": 3,
    "rnn_hidden": 512,
    "rnn_dropout": 0.2,
    "rnn_bidir": True,
    "output_nonlinear": "relu",
}

task = "spectra_appro"
task_conf = {
    "num_spks": 1,
    "permute": False,
    "truncated": 1,
    "phase_sensitive": True,
}

data_conf = {
    "fmt": "enh@chunk",
    "loader": {"chunk_size": 64000, "sr": 16000},
    "train": {"mix_scp": "data/enh_egs/train/noisy.scp", "ref_scp": "data/enh_egs/train/clean.scp"},
    "valid": {"mix_scp": "data/enh_egs/dev/noisy.scp", "ref_scp": "data/enh_egs/dev/clean.scp"},
}

trainer_conf = {
    "optimizer": "adam",
    "optimizer_kwargs": {
        "lr": 1.0e-3,
        "weight_decay": 1.0e-5,  # expect: WD202
    },
    "lr_scheduler": "reduce_lr",
    "lr_scheduler_kwargs": {
        "min_lr": 1.0e-8,
        "patience": 1,
        "factor": 0.5,
    },
    "clip_gradient": 10,
    "no_impr": 6,
    "report_metrics": ["loss"],
}
