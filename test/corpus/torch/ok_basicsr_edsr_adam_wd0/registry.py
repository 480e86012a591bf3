# Idiom seen in: XPixelGroup/BasicSR options/train/EDSR/train_EDSR_Mx4.yml (`model_type: SRModel`,
#   `network_g: {type: EDSR}` resolved through BasicSR's registries; the Registry class is written here)
# What it reproduces: name -> class registries filled by decorators at import time.
# label-note: clean (no decay anywhere).
class Registry:
    def __init__(self, name):
        self._name = name
        self._obj_map = {}

    def register(self, obj=None):
        def deco(func_or_class):
            self._obj_map[func_or_class.__name__] = func_or_class
            return func_or_class
        return deco if obj is None else deco(obj)

    def get(self, name):
        if name not in self._obj_map:
            raise KeyError(f"No object named '{name}' found in '{self._name}' registry!")
        return self._obj_map[name]


ARCH_REGISTRY = Registry("arch")
MODEL_REGISTRY = Registry("model")
