# Idiom seen in: ZJCV/ZCls zcls/optim/registry.py
# What it reproduces: a tiny name -> builder registry filled by decorators in optim/optimizers.py and looked up with cfg.OPTIMIZER.NAME.
class Registry(dict):
    def __init__(self, name):
        super(Registry, self).__init__()
        self.name = name

    def register(self, module_name):
        def wrapper(fn):
            assert module_name not in self, '%s already registered in %s' % (module_name, self.name)
            self[module_name] = fn
            return fn

        return wrapper


OPTIMIZERS = Registry('OPTIMIZERS')
