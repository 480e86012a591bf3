# Idiom seen in: TD-4/DAO core/modules/optims/sgd_warmup_bias_bn_weight.py
# Idiom seen in: TD-4/DAO core/modules/register.py
# What it reproduces: an optimizer registered in a Registers table and built from a config dict: SGD over
# three groups (BN weights no decay, conv/linear weights with weight_decay, biases no decay): clean.
"""Module register."""


class Register(object):
    def __init__(self, register_name):
        self._dict = {}
        self._name = register_name

    def __setitem__(self, key, value):
        if not callable(value):
            raise Exception("Value of a Registry must be a callable.")
        if key is None:
            key = value.__name__
        self._dict[key] = value

    def register(self, param):
        def decorator(key, value):
            self[key] = value
            return value
        if callable(param):
            return decorator(None, param)
        return lambda x: decorator(param, x)

    def __getitem__(self, key):
        return self._dict[key]

    def get(self, key):
        return self.__getitem__(key)


class Registers:
    def __init__(self):
        raise RuntimeError("Registries is not intended to be instantiated")

    optims = Register("optim")
    cls_models = Register("cls_models")
