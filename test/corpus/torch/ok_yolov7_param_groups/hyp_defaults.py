# Idiom seen in: WongKinYiu/yolov7 data/hyp.scratch.p5.yaml
# What it reproduces: the hyperparameters of the scratch recipe (lr0 0.01, momentum 0.937, weight_decay 5e-4),
# kept as a Python dict for tooling that cannot read the YAML; lr*wd is tiny, no finding.
HYP_SCRATCH_P5 = {
    'lr0': 0.01,
    'lrf': 0.1,
    'momentum': 0.937,
    'weight_decay': 0.0005,
    'warmup_epochs': 3.0,
    'box': 0.05,
    'cls': 0.3,
    'obj': 0.7,
}
