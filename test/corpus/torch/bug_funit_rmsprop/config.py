# Idiom seen in: NVlabs/FUNIT configs/funit_animals.yaml
# Idiom seen in: NVlabs/FUNIT trainer.py
# What it reproduces: the FUNIT hyper-parameters (kept here as a Python dict instead of the YAML):
# weight_decay 0.0001 is handed to both RMSprop optimizers of the trainer (coupled L2).
hp = dict(
    max_iter=100000,
    weight_decay=0.0001,
    lr_gen=0.0001,
    lr_dis=0.0001,
    init='kaiming',
    gan_w=1,
    fm_w=1,
    r_w=0.1,
    batch_size=64,
    gen=dict(nf=64, n_res_blks=2, nf_mlp=256, latent_dim=64, n_mlp_blks=3, n_downs_content=3, n_downs_class=4),
    dis=dict(nf=64, n_res_blks=10, num_classes=119),
    lr_policy='constant',
)
