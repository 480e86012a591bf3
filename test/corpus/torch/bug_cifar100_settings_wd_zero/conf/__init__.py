# Idiom seen in: weiaicunzai/pytorch-cifar100 conf/__init__.py
# Idiom seen in: weiaicunzai/pytorch-cifar100 conf/global_settings.py
# What it reproduces: the repo's settings object that copies every upper-case constant of
#   global_settings; train.py reads settings.WEIGHT_DECAY from it.
import conf.global_settings as settings


class Settings:
    def __init__(self, settings):
        for attr in dir(settings):
            if attr.isupper():
                setattr(self, attr, getattr(settings, attr))


settings = Settings(settings)
